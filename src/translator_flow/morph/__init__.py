"""Word forms, one home: lt-proc processes, the Belarusian analyser/generator, pymorphy3.

* :mod:`.ltproc` — Apertium's ``lt-proc`` as long-lived null-flush processes, one per
  transducer, with answer caches (used by glossary, lang and the engine overlay);
* :mod:`.belarusian` — the Belarusian analyser, generator and rus→bel dictionary of the
  installed pair, asked in batches;
* :mod:`.russian` — pymorphy3 analyses of Russian words, cached;
* :mod:`.tables` — the grammeme tables shared by all of them (pymorphy3 ↔ Apertium).

Nothing here is imported or started at import time.
"""
