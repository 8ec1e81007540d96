"""Glossary matching benchmark: a 2,000-entry glossary against 1,000 Russian sentences.

    .venv/bin/python benchmarks/glossary_matching.py [--entries 2000] [--sentences 1000]

The glossary is synthetic but made of real morphology: nouns and adjectives taken from the
sentences themselves (so many entries do occur, in inflected forms), combined into
single nouns, «adjective + noun» terms (the adjective agreeing) and «noun + genitive noun»
terms, plus the shipped starter glossary. Sentences come from
../shared/corpus/benchmark-ru-sentences.txt (repeated to 1,000) or, when that is absent,
are generated from the same words. Prints the glossary build time and the matching time per
1,000 sentences, cold (every word parsed for the first time) and warm. Target: < 1 s cold.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
TARGET_SECONDS = 1.0

FALLBACK_WORDS = ["область", "район", "город", "завод", "комбинат", "министерство", "комитет", "совет", "палата", "дума", "агентство", "служба", "управление", "предприятие", "университет", "центр", "форум", "выставка", "программа", "проект", "союз", "фонд", "банк", "компания", "сотрудничество", "торговля", "экономика", "промышленность", "хозяйство", "смоленский", "минский", "брянский", "витебский", "государственный", "областной", "промышленный", "автомобильный", "тракторный", "национальный", "постоянный", "федеральный", "региональный", "экономический", "научный", "торговый", "сельский", "белорусский", "российский", "союзный"]


def sentences(n: int) -> list[str]:
    corpus = SHARED / "corpus" / "benchmark-ru-sentences.txt"
    if corpus.exists():
        lines = [s.strip() for s in corpus.read_text(encoding="utf-8").splitlines() if s.strip()]
        return [lines[i % len(lines)] for i in range(n)]
    print("note: ../shared is absent; sentences are generated (numbers not comparable)")
    rng = random.Random(1)
    return [
        " ".join(rng.choice(FALLBACK_WORDS) for _ in range(14)).capitalize() + "." for _ in range(n)
    ]


def vocabulary(texts: list[str]) -> tuple[list, list]:
    """Nouns (nominative singular parses) and adjectives (masculine nominative parses)."""
    from translator_flow.glossary.matcher import TOKEN
    from translator_flow.morph.russian import analyzer

    morph = analyzer()
    nouns, adjs, seen = [], [], set()
    words = [w.lower() for t in texts for w in TOKEN.findall(t)] + FALLBACK_WORDS
    for word in words:
        if word in seen or len(word) < 4:
            continue
        seen.add(word)
        p = morph.parse(word)[0]
        if p.tag.POS == "NOUN" and "Name" not in p.tag and "Surn" not in p.tag:
            nom = p.inflect({"nomn", "sing"})
            if nom is not None:
                nouns.append(nom)
        elif p.tag.POS == "ADJF":
            adjs.append(p)
    return nouns, adjs


def synthetic_entries(texts: list[str], count: int, seed: int = 7) -> list:
    """``count`` entries from real nouns and adjectives (agreeing), deterministic."""
    from translator_flow.glossary.entries import Entry

    nouns, adjs = vocabulary(texts)
    rng = random.Random(seed)
    terms: dict[str, None] = {}
    for n in nouns[: count // 4]:
        terms[n.word] = None
    attempts = 0
    while len(terms) < count and attempts < count * 20:
        attempts += 1
        noun = rng.choice(nouns)
        if rng.random() < 0.65 and adjs:
            gender = noun.tag.gender or "masc"
            adj = rng.choice(adjs).inflect({gender, "sing", "nomn"})
            if adj is not None:
                terms[f"{adj.word} {noun.word}"] = None
        else:
            other = rng.choice(nouns).inflect({"gent"})
            if other is not None and other.word != noun.word:
                terms[f"{noun.word} {other.word}"] = None
    return [Entry(id=f"syn-{i}", ru=t, be=f"be {i}", en=f"en {i}") for i, t in enumerate(list(terms)[:count])]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--entries", type=int, default=2000)
    ap.add_argument("--sentences", type=int, default=1000)
    args = ap.parse_args()

    from translator_flow.glossary import Glossary, load_glossary
    from translator_flow.glossary import morph

    texts = sentences(args.sentences)
    t0 = time.perf_counter()
    starter = list(load_glossary(ROOT / "glossary").entries) if (ROOT / "glossary").is_dir() else []
    entries = starter + synthetic_entries(texts, args.entries - len(starter))
    t_gen = time.perf_counter() - t0
    # Forget the parses made while generating, so the matching run starts cold.
    morph.analyse.cache_clear()
    morph.lexeme_forms.cache_clear()

    glossary = Glossary(entries)
    t0 = time.perf_counter()
    matcher = glossary.matcher
    t_build = time.perf_counter() - t0

    morph.analyse.cache_clear()  # the build parsed the terms, not the sentences
    t0 = time.perf_counter()
    hits = [glossary.find(s) for s in texts]
    t_cold = time.perf_counter() - t0
    t0 = time.perf_counter()
    for s in texts:
        glossary.find(s)
    t_warm = time.perf_counter() - t0

    per_k = 1000 / len(texts)
    n_hits = sum(map(len, hits))
    print(f"glossary: {len(entries)} entries ({len(starter)} starter), {len(matcher.patterns)} patterns, "
          f"{len(matcher.index)} indexed forms; generated in {t_gen:.2f} s, matcher built in {t_build:.2f} s")
    print(f"sentences: {len(texts)}, {sum(len(s.split()) for s in texts)} words, "
          f"{n_hits} hits in {sum(1 for h in hits if h)} sentences")
    print(f"matching, cold: {t_cold * per_k:.3f} s per 1,000 sentences")
    print(f"matching, warm: {t_warm * per_k:.3f} s per 1,000 sentences")
    ok = t_cold * per_k < TARGET_SECONDS
    print(f"target < {TARGET_SECONDS:.1f} s per 1,000 sentences (cold): {'met' if ok else 'NOT met'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
