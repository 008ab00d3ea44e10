import random
import time
from pathlib import Path

import pytest

from sitrep.errors import SitrepError
from sitrep.model import RepairedText
from sitrep.text.repair import capitalise_known_words, repair_text

SEED = Path(__file__).resolve().parents[1] / "fixtures" / "seed" / "000_ca64f977583370ee.txt"


def apply_repairs(original: str, repaired: RepairedText) -> str:
    """Rebuild the repaired text from the original and the recorded repairs alone."""
    pieces, position = [], 0
    for repair in repaired.repairs:
        pieces += [original[position : repair.start], repair.replacement]
        position = repair.end
    return "".join(pieces) + original[position:]


def check_invariants(repaired: RepairedText) -> None:
    original, offsets = repaired.original, repaired.offsets
    assert len(offsets) == len(repaired.text) + 1
    assert offsets[-1] == len(original)
    assert all(a <= b for a, b in zip(offsets, offsets[1:], strict=False))
    for repair in repaired.repairs:
        assert original[repair.start : repair.end] == repair.original
    assert apply_repairs(original, repaired) == repaired.text


def inserted_positions(repaired: RepairedText) -> set[int]:
    # An inserted character shares its original offset with the character after it.
    offsets = repaired.offsets
    return {i for i in range(len(repaired.text)) if offsets[i] == offsets[i + 1]}


# --- the seed article -------------------------------------------------------------------------

SEED_DEFECTS = [
    ("request,and", "request, and"),
    ("appeal,delivered", "appeal, delivered"),
    ("Moscow,centers", "Moscow, centers"),
    ("Venezuela,and", "Venezuela, and"),
    ("Russia,particularly", "Russia, particularly"),
    ("threat.The", "threat. The"),
    ("The U.S.has", "The U.S. has"),
    ("\nthis isn’t a request", "\nThis isn’t a request"),
]


@pytest.fixture(scope="module")
def seed() -> RepairedText:
    return repair_text(SEED.read_text(encoding="utf-8"))


@pytest.mark.parametrize(("defect", "fixed"), SEED_DEFECTS)
def test_seed_defect_is_repaired(seed: RepairedText, defect: str, fixed: str) -> None:
    assert defect in seed.original
    assert defect not in seed.text
    start = seed.text.index(fixed)
    original_start, original_end = seed.to_original(start, start + len(fixed))
    assert seed.original[original_start:original_end] == defect


def test_seed_repairs_point_at_the_original_characters(seed: RepairedText) -> None:
    check_invariants(seed)
    kinds = [repair.kind for repair in seed.repairs]
    # 'documents,Maduro’s' is a seventh missing space the defect list does not name.
    assert kinds.count("missing-space") == 8
    assert kinds.count("lowercase-sentence-start") == 1
    for repair in seed.repairs:
        if repair.kind == "missing-space":
            assert seed.original[repair.start - 1] in ",." and seed.original[repair.start] != " "
        else:
            assert seed.original[repair.start : repair.end] == "t"


def test_seed_urls_and_mid_sentence_abbreviations_are_untouched(seed: RepairedText) -> None:
    for url in (
        "https://www.washingtonpost.com/world/2025/10/31/russia-venezuela-oil-trump/",
        "https://www.themoscowtimes.com/2025/05/07/putin-and-maduro-sign-strategic-partnership"
        "-treaty-in-moscow-a89010",
    ):
        assert url in seed.text
    for phrase in ("U.S. government", "U.S. military", "U.S. sanctions", "U.S. in the"):
        assert phrase in seed.text
    assert seed.text.endswith(seed.original[-40:])  # the truncated "U.S" at the end


def test_seed_lowercase_proper_nouns_with_known_words(seed: RepairedText) -> None:
    repaired = capitalise_known_words(seed, {"caribbean": "Caribbean", "su-30mk2": "Su-30MK2"})
    check_invariants(repaired)
    assert "in the Caribbean is shifting" in repaired.text
    assert "Sukhoi Su-30MK2 fighter" in repaired.text
    proper = [r for r in repaired.repairs if r.kind == "lowercase-proper-noun"]
    assert [r.original for r in proper] == ["caribbean", "su-30MK2"]


# --- general rules ----------------------------------------------------------------------------

REPAIRED = [
    ("He refused the request,and left.", "He refused the request, and left."),
    ("Rebels,police and troops", "Rebels, police and troops"),
    ("It was calm;then shots rang out.", "It was calm; then shots rang out."),
    ("In 2025,the army moved.", "In 2025, the army moved."),
    ("He said,“We will fight.”", "He said, “We will fight.”"),
    ("Note:the talks failed.", "Note: the talks failed."),
    ("Context:The talks failed.", "Context: The talks failed."),
    ("Read more at:https://example.com/x", "Read more at: https://example.com/x"),
    ("Sources:www.example.com,and others", "Sources: www.example.com,and others"),
    ("Why now?Because of oil.", "Why now? Because of oil."),
    ("It ended.The talks resumed.", "It ended. The talks resumed."),
    ("the “deterrent”.They agreed.", "The “deterrent”. They agreed."),
    ("The U.S.has ships.", "The U.S. has ships."),
    ("The U.K.said no.", "The U.K. said no."),
    ("Talks at 10 a.m.today.", "Talks at 10 a.m. today."),
    ("J.K.Rowling wrote it.", "J.K. Rowling wrote it."),
    ("Mr.Smith arrived.", "Mr. Smith arrived."),
    ("it rained.", "It rained."),
    ("Fighting stopped. then it resumed.", "Fighting stopped. Then it resumed."),
    ("Is it over? no one knows.", "Is it over? No one knows."),
    ("Stop! the guards shouted.", "Stop! The guards shouted."),
    ("Talks ended.\nthe army left.", "Talks ended.\nThe army left."),
    ("Heading\n\nthe army left.", "Heading\n\nThe army left."),
    ("Heading\r\n\r\nthe army left.", "Heading\r\n\r\nThe army left."),
    ("The U.S.Navy said so.", "The U.S. Navy said so."),
    ("Officials said,(quietly) no.", "Officials said, (quietly) no."),
    ("Talks ended. “the army left.”", "Talks ended. “The army left.”"),
    ("Done. it’s over.", "Done. It’s over."),
    ("Troops left.Then,the war ended.", "Troops left. Then, the war ended."),
    ("Reported by Example.com,and others.", "Reported by Example.com, and others."),
    ("Write to press@example.org,or call.", "Write to press@example.org, or call."),
]


@pytest.mark.parametrize(("text", "expected"), REPAIRED)
def test_repairs(text: str, expected: str) -> None:
    repaired = repair_text(text)
    assert repaired.text == expected
    assert repaired.repairs
    check_invariants(repaired)


UNCHANGED = [
    "Some 1,000 troops and 3.5 million people.",
    "The meeting starts at 10:30 and ends at 11:45.",
    "The U.S. and the U.K. agreed, e.g. on trade.",
    "She earned a Ph.D. in 2010 and met him at 9 a.m. on Monday.",
    "The U.S. government said so, i.e. it agreed.",
    "See https://www.washingtonpost.com/world/2025/10/31/x/ for more.",
    "See https://example.com/a,b;c?q=Search.Term&x=1!Now for more.",
    "Visit www.example.com or example.co.uk/path for details.",
    "See https://x.com/a/,and more.",  # a comma may belong to a URL: run-ons are left as is
    "mailto:press@example.org is the address.",
    "Download report.pdf and data.csv now.",
    "Upgrade to v2.0 or 3.10.4 today.",
    "He paused... and then spoke… and left.",
    "AT&amp;T and &#8220;quotes&#8221; remain.",
    "Ratios of 3:1 and 1,5 and 2.5:1 stay.",
    "The company (NYSE:IBM) reported.",
    "The score was 3-2 and Amazon.com Inc. rose 2.5% to $3,200.50 at 4 p.m. ET.",
    "Shares rose (see fig.3, sec.4) at lat 10.5N, long 66.9W.",
    "Pres. Biden met Sen. warren at St. paul’s.",
    "He wrote: “no way.” then left.",
    "node.js and ASP.NET and Vue.js and .NET",
    "Call +1 (555) 123-4567 or e-mail john.doe@Example.COM.",
    "iPhone sales rose. eBay fell. su-30MK2 jets flew.",
    "Gen. smith and Dr. jones met in Jan. last year.",
    "It cost $5 vs. the $7 forecast, etc. and more.",
    "Lines are\nhard wrapped here and\nthe sentence goes on.",
    "The plan is A.B. testing and U.S.A. policy.",
    "1. first item\n2. second item\na. sub item",
    "* bullet one\n* bullet two\n- dash item",
    "He said “why?” and left.",
    "",
    "\n\n",
]


@pytest.mark.parametrize("text", UNCHANGED)
def test_leaves_alone(text: str) -> None:
    repaired = repair_text(text)
    assert repaired.text == text
    assert repaired.repairs == []
    assert repaired.offsets == list(range(len(text) + 1))


def test_inserted_space_is_a_zero_width_repair() -> None:
    repaired = repair_text("a request,and more")
    capital, space = repaired.repairs  # sorted by original offset
    assert (space.kind, space.start, space.end, space.original, space.replacement) == (
        "missing-space",
        10,
        10,
        "",
        " ",
    )
    assert (capital.start, capital.end, capital.original, capital.replacement) == (0, 1, "a", "A")
    # The inserted space maps to the original offset of the character after it.
    assert repaired.offsets[10] == repaired.offsets[11] == 10
    assert repaired.to_original(11, 14) == (10, 13)  # "and"


def test_capitalise_known_words() -> None:
    text = "In the caribbean, see https://x.com/caribbean. Caribbean states;the su-30mk2 jets."
    repaired = capitalise_known_words(
        repair_text(text), {"caribbean": "Caribbean", "su-30mk2": "Su-30MK2"}
    )
    assert repaired.text == (
        "In the Caribbean, see https://x.com/caribbean. Caribbean states; the Su-30MK2 jets."
    )
    check_invariants(repaired)
    proper = [r for r in repaired.repairs if r.kind == "lowercase-proper-noun"]
    assert [(r.original, r.replacement) for r in proper] == [
        ("caribbean", "Caribbean"),
        ("su-30mk2", "Su-30MK2"),
    ]
    assert all(text[r.start : r.end] == r.original for r in proper)


def test_capitalise_known_words_leaves_other_forms_alone() -> None:
    text = "Anti-caribbean caribbeans, CARIBBEAN and Caribbean; www.caribbean.com"
    repaired = capitalise_known_words(repair_text(text), {"caribbean": "Caribbean"})
    assert repaired.text == text


def test_capitalise_known_words_keeps_length() -> None:
    with pytest.raises(SitrepError):
        capitalise_known_words(repair_text("the us"), {"us": "United States"})
    unchanged = repair_text("Nothing here.")
    assert capitalise_known_words(unchanged, {"caribbean": "Caribbean"}) is unchanged


# --- property: every repaired span maps back to the same characters ---------------------------

FRAGMENTS = [
    "request,and ",
    "The U.S.has ",
    "threat.The ",
    "this isn’t ",
    "1,000 ",
    "3.5 ",
    "10:30 ",
    "U.S. ",
    "e.g. ",
    "a.m. ",
    "Ph.D. ",
    "https://www.example.com/a/2025/ ",
    "www.x.co.uk ",
    "a@b.org ",
    "report.pdf ",
    "v2.0 ",
    "... ",
    "\n",
    "\n\n",
    "why?Now ",
    "stop. then ",
    "Note:the ",
    "“quoted” ",
    "Caracas ",
    "su-30MK2 ",
    "caribbean ",
    "iPhone ",
    ";",
    ",",
    ".",
]


def random_text(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return "".join(rng.choice(FRAGMENTS) for _ in range(rng.randint(0, 30)))
    return "".join(rng.choice("aZe .,;:?!\n1U.S’“/@") for _ in range(rng.randint(0, 60)))


def test_random_spans_map_back_to_the_same_characters() -> None:
    rng = random.Random(20251031)
    for _ in range(2000):
        original = random_text(rng)
        repaired = capitalise_known_words(repair_text(original), {"caribbean": "Caribbean"})
        check_invariants(repaired)
        inserted = inserted_positions(repaired)
        text = repaired.text
        for _ in range(10):
            start = rng.randint(0, len(text))
            end = rng.randint(start, len(text))
            # A span ending on an inserted space also covers the original character after it.
            while end > start and end - 1 in inserted:
                end -= 1
            original_start, original_end = repaired.to_original(start, end)
            kept = "".join(text[i] for i in range(start, end) if i not in inserted)
            assert original[original_start:original_end].lower() == kept.lower()


@pytest.mark.parametrize(
    "text",
    ["U." * 50_000 + "has", "\n \n" * 50_000, "a. " * 50_000, "x" * 100_000 + "@", "a:" * 50_000],
)
def test_pathological_text_is_repaired_in_linear_time(text: str) -> None:
    started = time.perf_counter()
    check_invariants(repair_text(text))
    assert time.perf_counter() - started < 5  # quadratic regexes took minutes here
