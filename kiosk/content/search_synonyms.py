"""Everyday names and abbreviations pupils type, and the words the kiosk's job titles use for the same jobs."""

from __future__ import annotations

# Keys are what is typed, lower case, its words joined by one space ("A&E" is typed as the words "a" and "e").
# Values are words or phrases the content holds (checked by tests/content/test_search_names.py). Every mapping
# must be true of the job: a sparky is an electrician; an NHS search means health and hospital jobs.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "vet": ("veterinary", "veterinarian", "vets"),
    "vets": ("veterinary", "veterinarian"),
    "it": ("information technology", "computer", "software"),
    "ict": ("information technology", "computer", "software"),
    "computers": ("computer", "software", "information technology"),
    "computing": ("computer", "software", "information technology"),
    "coder": ("programmer", "software developer"),
    "coding": ("programmer", "software developer"),
    "pe": ("sports",),
    "hgv": ("lorry",),
    "lgv": ("lorry",),
    "trucker": ("lorry driver",),
    "truck driver": ("lorry driver",),
    "a e": ("emergency",),
    "nhs": ("health", "hospital"),
    "army": ("armed forces", "soldier"),
    "navy": ("armed forces",),
    "raf": ("armed forces",),
    "royal air force": ("armed forces",),
    "royal marines": ("armed forces",),
    "soldier": ("armed forces",),
    "builder": ("construction", "bricklayer"),
    "builders": ("construction", "bricklayer"),
    "sparky": ("electrician",),
    "sparkie": ("electrician",),
    "brickie": ("bricklayer", "brick and block layer"),
    "chippy": ("carpenter", "joiner"),
    "chippie": ("carpenter", "joiner"),
    "copper": ("police officer", "police constable"),
    "cop": ("police officer", "police constable"),
    "bobby": ("police officer", "police constable"),
    "bin man": ("refuse collector", "binman"),
    "bin men": ("refuse collector", "binman"),
    "binmen": ("refuse collector", "binman"),
    "dustman": ("refuse collector", "binman"),
    "dinner lady": ("lunchtime supervisor", "midday assistant", "dinner lady"),
    "dinner ladies": ("lunchtime supervisor", "midday assistant", "dinner lady"),
    "lollipop lady": ("school crossing patrol",),
    "lollipop man": ("school crossing patrol",),
    "postie": ("postman", "postal worker"),
    "cabbie": ("taxi driver",),
    "physio": ("physiotherapist",),
    "gp": ("general practitioner", "doctor"),
    "zookeeper": ("animal care",),
    "zoo keeper": ("animal care",),
    "hairstylist": ("hair stylist", "hairdresser"),
    "makeup": ("make up",),
    "daycare": ("childcare", "day nursery", "day centre"),
}

# Typed words that are everyday English too ("it", "pe"): the word itself counts only in a job's names, never in
# its description, where "it" means something else.
NAMES_ONLY = frozenset({"it", "pe", "cop", "a e"})

# Longest key, in words: how far ahead to look for a key of several words.
LONGEST_KEY = max(len(key.split()) for key in SYNONYMS)

# Words that say nothing about which job: dropped unless they are all that was typed.
STOPWORDS = frozenset({
    "a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "with", "as", "by", "from", "i", "my", "me",
    "like", "want", "be", "do", "is", "job", "jobs", "work", "working", "career", "careers",
})
