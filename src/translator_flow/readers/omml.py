"""Word equations (OMML, ``m:oMath``) as one line of text, so an equation is never lost.

A release rarely holds more than a small formula («S = a·b», «5 км²»), but python-docx and
our run reader see no ``w:t`` inside ``m:oMath``, so its text vanished. Here the math tree
becomes a linear form close to Word's own linear format (UnicodeMath): a fraction is
``(a)/(b)``, a superscript ``x^2``, a subscript ``x_i``, a radical ``√(x)``, a delimiter
keeps its characters, an n-ary operator its symbol. Known limit: matrices and equation
arrays are written as their cells in order, separated by spaces; layout is for the editor
to restore (the reader says so in a source warning).
"""

from __future__ import annotations

from typing import Any

M_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"
_M = f"{{{M_NS}}}"
MATH_TAGS = frozenset({_M + "oMath", _M + "oMathPara"})


def _local(el: Any) -> str:
    tag = el.tag
    return tag[len(_M):] if isinstance(tag, str) and tag.startswith(_M) else ""


def _prop(el: Any, pr: str, name: str, default: str) -> str:
    """An ``m:val`` of a property such as ``m:dPr/m:begChr``; Word omits the default."""
    node = el.find(f"{_M}{pr}/{_M}{name}")
    if node is None:
        return default
    return node.get(_M + "val", "")


def _part(el: Any, name: str) -> str:
    node = el.find(_M + name)
    return linear(node) if node is not None else ""


def _group(text: str) -> str:
    """Parenthesise a fraction part or radicand unless it is one symbol or number."""
    t = text.strip()
    return t if len(t) <= 1 or t.replace(".", "").replace(",", "").isalnum() else f"({t})"


def linear(el: Any) -> str:
    """The linear text of an OMML element (``m:oMath``, ``m:oMathPara`` or any part)."""
    name = _local(el)
    if name == "r":
        return "".join(t.text or "" for t in el.iter(_M + "t"))
    if name == "f":
        return f"{_group(_part(el, 'num'))}/{_group(_part(el, 'den'))}"
    if name == "sSup":
        return f"{_part(el, 'e')}^{_group(_part(el, 'sup'))}"
    if name == "sSub":
        return f"{_part(el, 'e')}_{_group(_part(el, 'sub'))}"
    if name == "sSubSup":
        return f"{_part(el, 'e')}_{_group(_part(el, 'sub'))}^{_group(_part(el, 'sup'))}"
    if name == "rad":
        degree = _part(el, "deg").strip()
        return f"{degree}√{_group(_part(el, 'e'))}" if degree else f"√{_group(_part(el, 'e'))}"
    if name == "d":
        sep = _prop(el, "dPr", "sepChr", "|")
        inner = sep.join(linear(e) for e in el.iterchildren(_M + "e"))
        return f"{_prop(el, 'dPr', 'begChr', '(')}{inner}{_prop(el, 'dPr', 'endChr', ')')}"
    if name == "nary":
        sym = _prop(el, "naryPr", "chr", "∫")
        sub, sup = _part(el, "sub").strip(), _part(el, "sup").strip()
        limits = (f"_{_group(sub)}" if sub else "") + (f"^{_group(sup)}" if sup else "")
        return f"{sym}{limits} {_part(el, 'e')}"
    if name == "func":
        return f"{_part(el, 'fName')} {_part(el, 'e')}"
    if name == "oMathPara":
        return " ".join(linear(m) for m in el.iterchildren(_M + "oMath"))
    pieces = []
    for child in el.iterchildren():
        child_name = _local(child)
        if child_name and not child_name.endswith("Pr"):  # properties hold no text
            pieces.append(linear(child))
    joined = " " if name in ("eqArr", "m", "mr") else ""
    return joined.join(p for p in pieces if p)
