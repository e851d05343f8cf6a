"""NCS strings made plain: links, stray HTML and entities, odd whitespace, and flattened lists split properly."""

from __future__ import annotations

import pytest

from kiosk.sources.ncs.plain_text import clip, link_targets, plain, plain_items, readable, split_list


@pytest.mark.parametrize("raw, expected", [
    ("[search for courses | /find-a-course]", "search for courses"),
    ("[funding for teacher training  | https://x.test/a]", "funding for teacher training"),  # recorded double space
    ("You'll need a [Construction Skills Certification Scheme | https://www.cscs.uk.com] (CSCS) card",
     "You'll need a Construction Skills Certification Scheme (CSCS) card"),
    ("from [Tasty Careers | https://t.test/jobs?keywords=&tags=agriculture&category=true&page=2] and more",
     "from Tasty Careers and more"),  # "&para" in a URL must not turn into a pilcrow
    ("<p>Plumbers fit &amp; service boilers.</p>", "Plumbers fit & service boilers."),
    ("<p>One.</p><p>Two.</p>", "One. Two."),
    ("line<br>break and <b>bo</b>ld", "line break and bold"),
    ("AT&T and R&D stay as written", "AT&T and R&D stay as written"),
    ("pupils&rsquo; work &#8211; marked", "pupils\u2019 work \u2013 marked"),
    ("<script>alert(1)</script>Safe", "Safe"),
    ("knowledge of maths ", "knowledge of maths"),
    ("no-break\u00a0space and  double  spaces", "no-break space and double spaces"),
    ("first line\nsecond line", "first line second line"),
    ("cafe\u0301", "caf\u00e9"),  # NFC: one code point, as a font expects
    ("zero\u200bwidth and bell\x07", "zerowidth and bell"),
    ("http://looks.like/a-url", "http://looks.like/a-url"),  # no "looks like a URL" warning from the parser
])
def test_plain_text(raw: str, expected: str) -> None:
    assert plain(raw) == expected


def test_empty_text_null_and_empty_lists_all_mean_nothing() -> None:
    assert plain("") == plain(None) == plain([]) == plain("   \u00a0") == ""
    assert plain_items(None) == plain_items([]) == plain_items(["", " ", None]) == []
    assert split_list(None) == split_list("") == ("", [])
    assert plain(["One.", "", "[Two | /two]"]) == "One. Two"


@pytest.mark.parametrize("raw, intro, items", [
    ("You can get into this job through:a college course; an apprenticeship; applying directly",
     "You can get into this job through", ["a college course", "an apprenticeship", "applying directly"]),
    ("You can get into this job through: a university course; an apprenticeship",  # later converters' spacing
     "You can get into this job through", ["a university course", "an apprenticeship"]),
    ("In this role you could bemeasuring and planning to give cost estimates; cutting, bending and joining pipes",
     "In this role you could be",
     ["measuring and planning to give cost estimates", "cutting, bending and joining pipes"]),
    ("In this role you could bescreening telephone calls and handling enquiries; arranging meetings",
     "In this role you could be", ["screening telephone calls and handling enquiries", "arranging meetings"]),
    ("Your day-to-day tasks may include:planning how the farm will run; keeping records",
     "Your day-to-day tasks may include", ["planning how the farm will run", "keeping records"]),
    ("You could take a college course. Courses include:Level 1 Certificate in Care; Level 2 Diploma in Care",
     "You could take a college course. Courses include", ["Level 1 Certificate in Care", "Level 2 Diploma in Care"]),
    ("The programmes are:[Frontline | https://f.test/] for children's social work; [Think Ahead | https://t.test/]"
     " for mental health", "The programmes are",
     ["Frontline for children's social work", "Think Ahead for mental health"]),
    ("You could also be:supporting families", "You could also be", ["supporting families"]),
])
def test_flattened_lists_split_into_intro_and_items(raw: str, intro: str, items: list[str]) -> None:
    assert split_list(raw) == (intro, items)


@pytest.mark.parametrize("raw", [
    "You could also become a manager.",  # "be" + "come" is not a missing colon
    "Note: check the course is recognised.",  # a colon in a sentence, a space after it and no list
    "Shifts start at 9:30 and end at 5:30; some are later",  # a time's colon follows a digit
    "With experience, you could progress to supervisor.",
])
def test_sentences_are_not_taken_for_lists(raw: str) -> None:
    assert split_list(raw) == (raw, [])


def test_readable_spaces_a_flattened_list_the_usual_way() -> None:
    assert readable("where you'll:have an interview; take written tests") == (
        "where you'll: have an interview; take written tests")
    assert readable("In this role you could bemeasuring; cutting") == "In this role you could be: measuring; cutting"
    assert readable("A plain sentence.") == "A plain sentence."


def test_link_targets_resolve_site_relative_addresses() -> None:
    text = "See [search for courses | /find-a-course] and [Do-it | https://do-it.org/]."
    assert link_targets(text) == [("search for courses", "https://nationalcareers.service.gov.uk/find-a-course"),
                                  ("Do-it", "https://do-it.org/")]


def test_clip_cuts_at_a_word_boundary() -> None:
    text = "word " * 60
    cut = clip(text.strip(), 50)
    assert len(cut) <= 50 and cut.endswith("word…") and "wor…" not in cut
    assert clip("short", 50) == "short"
    assert len(clip("x" * 300, 200)) == 200  # one enormous word is cut mid-word rather than lost


def test_a_bracket_before_a_long_run_of_spaces_is_plain_text() -> None:
    # With quadratic backtracking (the link pattern before its fix) this one string took minutes.
    assert plain("[" + " " * 20_000 + "x") == "[ x"


def test_markup_the_parser_rejects_gives_plain_text_not_an_error() -> None:
    # Found by Hypothesis: html.parser raises on this marked section; the text must still come out plain.
    assert plain("<![CDATA[[funding advice | https://www.gov.uk/x] |  | ]]>") == ""
    assert plain("Before <![CDATAfunding ]]> after") == "Before after"
