"""People's names by rule: Russian surname paradigms for matching, Belarusian forms for placing.

pymorphy3 knows common Russian surnames but guesses at the rest (an unknown «Кочанова»
comes out as a short adjective), and Apertium's Belarusian dictionary knows few names at
all, so surnames and the first names the dictionaries lack are declined here by their
ending and the person's gender.

Russian (matching): the standard school-grammar classes (Розенталь, «Справочник по
правописанию и литературной правке», § «Склонение фамилий»): -ов/-ев/-ин/-ын and their
feminine -ова/-ина (Иванов → Ивановым, Иванова → Ивановой); adjectival -ский/-цкий/-ой/-ый
and -ская/-ая; men's surnames in a consonant, -ь or -й decline like nouns, women's do not
(Жук: с Иваном Жуком, с Анной Жук); -ец in men's surnames is matched with and without the
fleeting vowel (Кравца and Кравеца); -а/-я decline for both; -о/-енко/-ых/-их/-е/-и/-у and
vowel+а never decline. Both spellings are accepted where usage varies, since this side only
has to *recognise* the forms.

Belarusian (placing): the 2008 orthography law (Закон № 420-З «Аб правілах беларускай
арфаграфіі і пунктуацыі») has no section on declining proper names, so the rules of the
«Правілы беларускай арфаграфіі і пунктуацыі» (1959) still apply, as summarised in
«Беларуская граматыка», ч. 1 (1985) and В. Г. Качан, «Асаблівасці скланення прозвішчаў у
сучаснай беларускай мове»: all men's surnames decline except -ых/-іх and those in a stressed
vowel (Крыўко); women's surnames in a consonant do not (з Ганнай Іванец); -ава/-іна/-ая
decline like adjectives (Іпатавай, Палчэўскай); men's -а surnames decline like «бацька»
(Лукашэнкі, Лукашэнку, Лукашэнкам), women's like feminine nouns of the first declension,
with the velar alternation (Марыі Пятрэнцы). A form whose ending depends on stress we do not
know (-ам/-ом in the instrumental, -е/-у in the locative of a hard stem) is returned as
*unsure*: it is placed with a flag, so the reviewer checks it and can pin it.
"""

from __future__ import annotations

from .tables import CASE_NAMES

CASES = CASE_NAMES
_INDECLINABLE_RU = ("ых", "их", "ово", "аго", "яго", "о", "е", "и", "у", "ю", "э")
_HUSH = "жшчщц"
_VELAR = "гкх"
_VOWEL_RU = "аеиоуыэюяё"


def russian_surname(word: str, gender: str) -> dict[str, frozenset[str]] | None:
    """Russian forms of a surname (lower case, ё→е): ``form → cases``; None when the
    ending fits no class. ``gender`` is "m", "f" or "" (unknown: both paradigms)."""
    w = word.lower().replace("ё", "е")
    if "-" in w.strip("-"):
        return _double(russian_surname(w.split("-", 1)[0], gender), russian_surname(w.split("-", 1)[1], gender))
    if len(w) < 2 or not w.isalpha():
        return None
    if not gender:
        m, f = russian_surname(w, "m"), russian_surname(w, "f")
        if m is None or f is None:
            return m or f
        return {k: m.get(k, frozenset()) | f.get(k, frozenset()) for k in m.keys() | f.keys()}
    table: dict[str, set[str]] = {}

    def add(case: str, *forms: str) -> None:
        for form in forms:
            table.setdefault(form, set()).add(case)

    def decline(stem: str, *endings: tuple[str, ...] | str) -> None:
        add("nom", w)
        for case, ending in zip(CASES[1:], endings):
            alts = (ending,) if isinstance(ending, str) else ending
            add(case, *(stem + e for e in alts))

    if w.endswith(_INDECLINABLE_RU) or (w[-1] == "а" and w[-2] in _VOWEL_RU):
        for case in CASES:
            add(case, w)
    elif gender == "m" and w.endswith(("ский", "цкий", "ской", "цкой", "кий", "гий", "хий")):
        decline(w[:-2], "ого", "ому", "ого", "им", "ом")
    elif gender == "m" and w.endswith(("ый", "ой")) and len(w) > 3:  # not «Цой» (Цоя)
        decline(w[:-2], "ого", "ому", "ого", "ым", "ом")
    elif gender == "m" and w.endswith("ний"):
        decline(w[:-2], "его", "ему", "его", "им", "ем")
    elif gender == "f" and w.endswith(("ая", "яя")):
        soft = w.endswith("яя")
        decline(w[:-2], *(("ей", "ей", "юю", ("ей", "ею"), "ей") if soft else ("ой", "ой", "ую", ("ой", "ою"), "ой")))
    elif gender == "m" and w.endswith(("ов", "ев", "ин", "ын")):
        decline(w, "а", "у", "а", ("ым", "ом"), "е")  # -ом: foreign -ин (Дарвином)
    elif gender == "f" and w.endswith(("ова", "ева", "ина", "ына")):
        decline(w[:-1], "ой", "ой", "у", ("ой", "ою"), "ой")
    elif w.endswith("а"):
        stem = w[:-1]
        gen = "и" if stem[-1] in _VELAR + _HUSH[:-1] else "ы"
        decline(stem, gen, "е", "у", ("ой", "ей", "ою"), "е")
    elif w.endswith("я"):
        stem = w[:-1]
        soft_i = "и" if stem.endswith("и") else "е"
        decline(stem, "и", soft_i, "ю", ("ей", "ею"), soft_i)
    elif gender == "f":
        if w[-1] in "йь" or w[-1] not in _VOWEL_RU:
            for case in CASES:
                add(case, w)
        else:
            return None
    elif w.endswith("ец") and len(w) > 3:
        stem = w[:-2] + ("й" if w[-3] in _VOWEL_RU else "")
        decline(stem + "ц", "а", "у", "а", ("ом", "ем"), "е")  # Кравец → Кравца (fleeting е)
        decline(w, "а", "у", "а", ("ом", "ем"), "е")  # … and Кравеца (kept, also usual)
    elif w.endswith("ь") or (w.endswith("й") and w[-2] in _VOWEL_RU):
        decline(w[:-1], "я", "ю", "я", ("ем", "ём"), "е")
    elif w[-1] not in _VOWEL_RU:
        ins = ("ем", "ом") if w[-1] in _HUSH else ("ом",)
        decline(w, "а", "у", "а", ins, "е")
    else:
        return None
    return {k: frozenset(v) for k, v in table.items()}


def _double(first: dict[str, frozenset[str]] | None, second: dict[str, frozenset[str]] | None
            ) -> dict[str, frozenset[str]] | None:
    """A double surname (Римский-Корсаков): both parts in the same case."""
    if not first or not second:
        return None
    out: dict[str, set[str]] = {}
    for a, cases_a in first.items():
        for b, cases_b in second.items():
            for case in cases_a & cases_b:
                out.setdefault(f"{a}-{b}", set()).add(case)
    return {k: frozenset(v) for k, v in out.items()}


def russian_gender(words: list[str]) -> str:
    """A person's gender from the endings of a Russian name («Кочанова», «Ивановна»); "" unknown."""
    for word in reversed(words):
        w = word.lower().replace("ё", "е")
        if w.endswith(("овна", "евна", "ична", "инична")):
            return "f"
        if w.endswith(("ович", "евич", "ич")) and len(words) == 3:
            return "m"
        if w.endswith(("ова", "ева", "ина", "ына", "ская", "цкая")):
            return "f"
        if w.endswith(("ов", "ев", "ин", "ын", "ский", "цкий")):
            return "m"
    return ""


# -- Belarusian ----------------------------------------------------------------------

Forms = dict[str, str]  # case → form
_VOWEL_BE = "аеёіоуыэюя"
_CONSONANT_BE = "бвгджзйклмнпрстўфхцчшь"
_HARD_DAT_Y = ("ж", "ш", "ч", "ц", "р", "дж")
_ALTERNATION = {"к": "ц", "г": "з", "х": "с", "д": "дз", "т": "ц"}


def _cased(model: str, form: str) -> str:
    return form[:1].upper() + form[1:] if model[:1].isupper() else form


def _feminine_a(word: str) -> Forms:
    """A feminine noun of the first declension in -а/-я (Ірына, Вольга, Наталля, Марыя, Пятрэнка)."""
    w = word
    stem, last = w[:-1], w[-1].lower()
    if last == "я":
        return {"gen": stem + "і", "dat": stem + "і", "acc": stem + "ю", "ins": stem + "яй", "loc": stem + "і"}
    end = stem[-1:].lower()
    if end in _VELAR:
        dat = stem[:-1] + _ALTERNATION[end] + ("ы" if end == "к" else "е")
        gen = stem + "і"
    elif stem.lower().endswith(_HARD_DAT_Y):
        dat, gen = stem + "ы", stem + "ы"
    elif end in ("д", "т"):
        dat, gen = stem[:-1] + _ALTERNATION[end] + "е", stem + "ы"
    else:
        dat, gen = stem + "е", stem + "ы"
    return {"gen": gen, "dat": dat, "acc": stem + "у", "ins": stem + "ай", "loc": dat}


def _masculine_consonant(word: str) -> tuple[Forms, set[str]]:
    """A man's name or surname in a consonant: gen/dat/acc by rule; ins -ам and the locative
    of a hard stem depend on stress and animacy usage, so they are unsure unless the class
    is regular (-іч: Мясніковічам, аб Мясніковічу)."""
    low = word.lower()
    if low.endswith(("ь", "й")):
        stem = word[:-1]
        return {"gen": stem + "я", "dat": stem + "ю", "acc": stem + "я", "ins": stem + "ем", "loc": stem + "ю"}, {"ins"}
    forms = {"gen": word + "а", "dat": word + "у", "acc": word + "а", "ins": word + "ам"}
    if low.endswith("іч"):
        return forms | {"loc": word + "у"}, set()
    if low[-1] in _VELAR or low.endswith(_HARD_DAT_Y):
        return forms | {"loc": word + "у"}, {"ins"}
    end = low[-1]
    loc = word[:-1] + _ALTERNATION[end] + "е" if end in ("д", "т") else word + "е"
    return forms | {"loc": loc}, {"ins", "loc"}


def belarusian_surname(word: str, gender: str) -> tuple[Forms, set[str]] | None:
    """Belarusian case forms of a surname (``case → form``, without ``nom``) and the cases
    that are unsure; None when no rule applies (the caller flags «pin the form»)."""
    low = word.lower()
    if "-" in low.strip("-"):  # a double surname: both parts decline (Рымскага-Корсакава)
        head, tail = word.split("-", 1)
        a, b = belarusian_surname(head, gender), belarusian_surname(tail, gender)
        if a is None or b is None:
            return None
        return {c: f"{a[0][c]}-{b[0][c]}" for c in CASES[1:]}, a[1] | b[1]
    if len(low) < 2 or not low.replace("'", "").isalpha():
        return None
    if low.endswith(("ых", "іх", "о", "е", "э", "у", "ю")) or (low[-1] == "а" and low[-2] in _VOWEL_BE):
        return {c: word for c in CASES[1:]}, set()
    if gender == "f":
        if low.endswith(("ская", "цкая", "ая")):
            stem = word[:-2]
            return {"gen": stem + "ай", "dat": stem + "ай", "acc": stem + "ую", "ins": stem + "ай", "loc": stem + "ай"}, set()
        if low.endswith(("ова", "ава", "ева", "ёва", "іна", "ына")):
            stem = word[:-1]
            return {"gen": stem + "ай", "dat": stem + "ай", "acc": stem + "у", "ins": stem + "ай", "loc": stem + "ай"}, set()
        if low.endswith(("а", "я")):
            return _feminine_a(word), set()
        if low[-1] in _CONSONANT_BE:
            return {c: word for c in CASES[1:]}, set()  # a consonant: women's surnames do not decline
        return None
    if gender != "m":
        return None
    if low.endswith(("скі", "цкі")):
        stem = word[:-1]
        return {"gen": stem + "ага", "dat": stem + "аму", "acc": stem + "ага", "ins": stem + "ім", "loc": stem + "ім"}, set()
    if low.endswith(("ы", "і")):
        stem, y = word[:-1], low[-1]
        return ({"gen": stem + "ага", "dat": stem + "аму", "acc": stem + "ага", "ins": stem + y + "м", "loc": stem + y + "м"},
                {"gen", "dat", "acc"})  # -ага/-ога: stress
    if low.endswith(("оў", "аў", "еў", "ёў")):
        stem = word[:-1] + "в"
        return {"gen": stem + "а", "dat": stem + "у", "acc": stem + "а", "ins": stem + "ым", "loc": stem + "е"}, set()
    if low.endswith(("ін", "ын")):
        return {"gen": word + "а", "dat": word + "у", "acc": word + "а", "ins": word + "ым", "loc": word + "е"}, set()
    if low.endswith(("а", "я")):
        stem, soft = word[:-1], low.endswith("я")
        gen = stem + ("і" if soft or stem[-1:].lower() in _VELAR else "ы")
        u = "ю" if soft else "у"
        forms = {"gen": gen, "dat": stem + u, "acc": stem + u, "ins": stem + ("ям" if soft else "ам"), "loc": stem + u}
        return forms, (set() if low.endswith("ка") else {"ins"})
    if low.endswith("ец") and len(low) > 3:
        stem = word[:-2]
        if stem[-1:].lower() in _VOWEL_BE:
            stem += "й"
        elif stem[-1:].lower() == "в" and stem[-2:-1].lower() in _VOWEL_BE:
            stem = stem[:-1] + "ў"  # Кравец → Краўца (ў after a vowel before a consonant)
        stem += "ц"
        return {"gen": stem + "а", "dat": stem + "у", "acc": stem + "а", "ins": stem + "ом", "loc": stem + "у"}, {"ins", "loc"}
    if low.endswith(("ок", "ёк")) and len(low) > 3:
        stem = word[:-2] + "к"
        return {"gen": stem + "а", "dat": stem + "у", "acc": stem + "а", "ins": stem + "ом", "loc": stem + "у"}, {"ins"}
    if low[-1] in _CONSONANT_BE:
        return _masculine_consonant(word)
    return None


def belarusian_given_name(word: str, gender: str, role: str = "name") -> tuple[Forms, set[str]] | None:
    """Belarusian case forms of a first name or patronymic the dictionary lacks (Наталля,
    Таццяна, Ігар, Уладзіміраўна, Мікалаевіч); None when no rule applies."""
    low = word.lower()
    if len(low) < 2 or not low.isalpha():
        return None
    if gender == "f" and low.endswith(("а", "я")):
        return _feminine_a(word), set()
    if gender == "m" and low[-1] in _CONSONANT_BE:
        return _masculine_consonant(word)
    if gender == "m" and low.endswith(("а", "я")) and role == "name":
        forms, _ = belarusian_surname(word, "m") or ({}, set())
        return (forms, {"dat", "ins", "loc"}) if forms else None  # Мікіта: -е/-у in the dative
    return None


def belarusian_gender(words: list[str]) -> str:
    """A person's gender from the endings of a Belarusian name («Качанава», «Іванаўна»); "" unknown."""
    for word in reversed(words):
        w = word.lower()
        if w.endswith(("аўна", "еўна", "ічна")) or w.endswith(("ава", "ова", "ева", "іна", "ына", "ская", "цкая")):
            return "f"
        if w.endswith(("віч", "оў", "аў", "еў", "ін", "ын", "скі", "цкі")):
            return "m"
    return ""
