"""Base forms of English words, so that "nurses", "caring" and "worked" find "nurse", "care" and "work"."""

from __future__ import annotations

IRREGULAR = {
    "children": "child", "people": "person", "men": "man", "women": "woman", "feet": "foot", "teeth": "tooth",
    "mice": "mouse", "geese": "goose", "taught": "teach", "bought": "buy", "brought": "bring",
    "thought": "think", "made": "make", "built": "build", "drove": "drive", "driven": "drive", "wrote": "write",
    "written": "write", "went": "go", "gone": "go", "did": "do", "done": "do", "ran": "run", "sold": "sell",
    "told": "tell", "kept": "keep", "left": "leave", "met": "meet", "paid": "pay", "said": "say", "saw": "see",
    "seen": "see", "took": "take", "taken": "take", "gave": "give", "given": "give", "found": "find",
    "grew": "grow", "grown": "grow", "knew": "know", "known": "know", "began": "begin", "begun": "begin",
    "chose": "choose", "chosen": "choose", "spent": "spend", "felt": "feel", "fed": "feed", "led": "lead",
    "sent": "send", "stood": "stand", "understood": "understand", "won": "win", "worn": "wear", "wore": "wear",
    "ate": "eat", "eaten": "eat", "fell": "fall", "fallen": "fall", "held": "hold", "heard": "hear",
    "lives": "life", "knives": "knife", "shelves": "shelf", "halves": "half", "better": "good", "best": "good",
}


def base_forms(word: str) -> list[str]:
    """The word itself, then the forms it may be inflected from, most likely first."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    forms = [w]
    if w in IRREGULAR:
        forms.append(IRREGULAR[w])
    if len(w) > 3:
        if w.endswith("ies"):
            forms.append(w[:-3] + "y")
        if w.endswith("es"):
            forms.append(w[:-2])
        if w.endswith("s") and not w.endswith("ss"):
            forms.append(w[:-1])
        if w.endswith("ing") and len(w) > 5:
            stem = w[:-3]
            forms += [stem, stem + "e"]
            if len(stem) > 2 and stem[-1] == stem[-2]:
                forms.append(stem[:-1])  # running -> run
        if w.endswith("ied"):
            forms.append(w[:-3] + "y")
        if w.endswith("ed") and len(w) > 4:
            stem = w[:-2]
            forms += [stem, w[:-1]]
            if len(stem) > 2 and stem[-1] == stem[-2]:
                forms.append(stem[:-1])  # planned -> plan
        if w.endswith("er") and w[:-2] in ("old", "young", "long", "short", "high", "low", "fast", "slow"):
            forms.append(w[:-2])
    seen: set[str] = set()
    return [f for f in forms if not (f in seen or seen.add(f))]
