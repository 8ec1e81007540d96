"""The project's own Apertium data for rus→bel, in Apertium's formats, compiled into a cache.

``rus.dix`` / ``rus-bel.dix`` / ``bel.dix`` add Russian analyses, bilingual entries and
Belarusian forms (generated from the reviewed tables by :mod:`.generate`), ``rus-bel.lrx``
chooses between translations by context, ``rus.rlx`` removes wrong Russian readings before
the pair's own grammar. :mod:`.build` compiles them; the engine runs the merged binaries.
How to offer them upstream to apertium-bel-rus: ``docs/apertium.md``.
"""
