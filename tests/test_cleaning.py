"""Cleaning: every seed line pinned as kept or removed (with its reason), and rules that generalise."""

import pandas as pd
import pytest

from analysis import load_corpus
from analysis.cleaning import clean_lines

REMOVED = {
    'defence-blog': [
        (1, 'dateline'),
        (3, 'title (kept as the document title)'),
        (11, 'advertisement slug'),
        (23, 'share, donate or subscribe footer'),
        (25, 'correction or feedback notice'),
        (27, 'byline role'),
        (29, 'author bio'),
        (31, 'author bio (footer zone)'),
        (32, 'author bio (footer zone)'),
        (33, 'author bio (footer zone)'),
        (35, 'related or trending headlines'),
        (37, 'related or trending headlines'),
        (39, 'related or trending headlines (footer zone)'),
        (41, 'related or trending headlines (footer zone)'),
    ],
    'dnipro-today': [
        (1, 'title (kept as the document title)'),
        (3, 'dateline'),
        (4, 'reading-time line'),
        (8, 'repeated title'),
        (10, 'repeated fragment (caption or pull quote)'),
        (47, 'tag line'),
        (49, 'tag line (footer zone)'),
        (51, 'tag line (footer zone)'),
        (52, 'tag line (footer zone)'),
        (54, 'share, donate or subscribe footer'),
        (56, 'share, donate or subscribe footer'),
        (57, 'related or trending headlines'),
    ],
    'dod-news': [
        (1, 'title (kept as the document title)'),
        (3, 'dateline'),
        (21, 'aggregator link'),
    ],
    'german-outlet': [
        (1, 'title (kept as the document title)'),
        (3, 'repeated title'),
        (4, 'repeated title'),
        (16, 'comment form'),
        (18, 'comment form'),
    ],
    'rbc': [
        (1, 'title (kept as the document title)'),
        (3, 'HTML residue'),
        (19, 'promo block spliced into a paragraph'),
        (21, 'share, donate or subscribe footer'),
        (24, 'comment form'),
        (26, 'comment form'),
    ],
}

# Source line numbers of the paragraphs kept in each seed (a continuation line joins its paragraph).
KEPT = {
    'defence-blog': [5, 7, 9, 13, 15, 17, 19, 21],
    'german-outlet': [6, 8, 10, 12, 14],
    'dod-news': [5, 7, 9, 11, 13, 15, 17, 19],
    'rbc': [3, 5, 7, 9, 11, 13, 15, 17, 19],
    'dnipro-today': [6, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30, 33, 35, 37, 39, 41, 43, 45],
}


@pytest.mark.parametrize("doc_id", list(REMOVED))
def test_seed_removals_pinned(seeds, doc_id):
    removed = seeds.removed[seeds.removed["doc_id"] == doc_id]
    assert list(zip(removed["line"], removed["reason"], strict=True)) == REMOVED[doc_id]


@pytest.mark.parametrize("doc_id", list(KEPT))
def test_seed_kept_lines_pinned(seeds, doc_id):
    kept = seeds.paragraphs[seeds.paragraphs["doc_id"] == doc_id]
    assert kept["source_line"].tolist() == KEPT[doc_id]


def test_spliced_promo_keeps_article_text_on_both_sides(seeds):
    rbc = seeds.documents.set_index("doc_id").loc["rbc", "text"]
    span = seeds.removed.query("doc_id == 'rbc' and kind == 'span' and line == 19")["text"].item()
    assert span.startswith("Read on RBC Pro Pro What specialists")
    assert span.endswith("the recession of the 1930s in ignoring basic security issues.")
    assert "no one would like to see it.\"\n\nPresident Vladimir Putin, in a speech on May 9" in rbc
    assert "Kellogg" not in rbc and "Webinar" not in rbc


def test_html_residue_cut_at_sentence_end(seeds):
    rbc = seeds.paragraphs.query("doc_id == 'rbc'")["text"].iloc[0]
    assert rbc == ("The new concept of the North Atlantic Alliance should be adopted at the summit "
                   "in Madrid, which will be held from 28 to 30 June.")


def test_titles_taken_from_metadata_and_not_repeated(seeds):
    body = " ".join(seeds.documents["text"])
    for title in seeds.documents["title"]:
        assert title not in body


def _clean(text: str, outlet: str = "Some Outlet", title=pd.NA):
    docs = pd.DataFrame({"doc_id": ["d"], "raw_text": [text]})
    kept, removed, _, _ = clean_lines(docs, pd.Series({"d": title}), pd.Series({"d": outlet}))
    return kept["text"].tolist(), dict(zip(removed["text"], removed["reason"], strict=True))


PROSE = ("The minister said the agreement would be signed next week after long talks "
         "between the two governments in the capital.")


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Advertisement", "advertisement slug"),
        ("--- Sponsored content ---", "advertisement slug"),
        ("5 min read", "reading-time line"),
        ("Reading time: 4 minutes", "reading-time line"),
        ("Updated: 12:05 GMT, 3 March 2023", "dateline"),
        ("Mon, 06/03/2023 - 14:20", "dateline"),
        ("Senior correspondent", "byline role"),
        ("<div class=\"ad\"></div>", "HTML residue"),
        ("Photo: Reuters/John Doe", "image credit"),
    ],
)
def test_line_rules_on_unseen_outlets(line, reason):
    kept, removed = _clean(f"Headline of a story\n\n{line}\n\n{PROSE}\n\n{PROSE} Again.")
    assert removed[line] == reason
    assert PROSE in kept


def test_footer_zone_takes_everything_after_a_late_marker():
    text = "\n\n".join(
        ["A headline", PROSE, PROSE + " More.", PROSE + " Yet more.", "Related articles",
         "Another story about something", "A long teaser paragraph that reads like prose and "
         "would otherwise survive because it ends with a full stop."]
    )
    kept, removed = _clean(text)
    assert kept == [PROSE, PROSE + " More.", PROSE + " Yet more."]
    assert removed["Another story about something"] == "related or trending headlines (footer zone)"


def test_early_marker_takes_only_the_headline_list_after_it():
    text = "\n\n".join(
        ["A headline", PROSE, "Read also", "First related headline", "Second related headline",
         PROSE + " Continued.", PROSE + " More.", PROSE + " End."]
    )
    kept, removed = _clean(text)
    assert kept == [PROSE, PROSE + " Continued.", PROSE + " More.", PROSE + " End."]
    assert removed["Second related headline"] == "related or trending headlines (list after marker)"


def test_article_sentence_mentioning_support_or_comments_is_kept():
    lines = [
        "NATO will support our partners for as long as it takes, the minister said on Monday.",
        "Comments by the spokesman were widely reported in the press.",
    ]
    kept, _ = _clean("\n\n".join(["A headline", *lines, PROSE]))
    assert kept == [*lines, PROSE]


def test_lines_repeated_across_an_outlets_documents_are_removed():
    footer = "Example Media Group, 10 High Street, London newsroom"
    docs = pd.DataFrame({
        "doc_id": ["a", "b", "c", "d"],
        "raw_text": [f"Title {i}\n\n{PROSE} {i}.\n\n{footer}" for i in range(4)],
    })
    outlets = pd.Series({"a": "X", "b": "X", "c": "X", "d": "Y"})
    kept, removed, _, _ = clean_lines(docs, pd.Series(pd.NA, index=list("abcd")), outlets)
    assert set(removed.loc[removed["text"] == footer, "doc_id"]) == {"a", "b", "c"}
    assert removed.loc[removed["text"] == footer, "reason"].iloc[0] == (
        "repeated across 3 documents of X")
    assert footer in kept.loc[kept["doc_id"] == "d", "text"].tolist()


def test_promo_list_spliced_mid_paragraph_on_unseen_brand(make_corpus):
    folder = make_corpus({"a.txt": (
        "Title line\n\nFirst sentence of the story. Read on Daily Plus Plus Big headline one "
        "Video Plus Another headline here. The story goes on after the promo.\n")})
    corpus = load_corpus(folder)
    assert corpus.documents["text"].item() == (
        "First sentence of the story. The story goes on after the promo.")


def _clean_docs(texts: list[str], outlet: str = "unknown"):
    """Clean several documents of one outlet; return kept texts by doc and removed records."""
    ids = [f"d{i}" for i in range(len(texts))]
    docs = pd.DataFrame({"doc_id": ids, "raw_text": texts})
    kept, removed, _, _ = clean_lines(docs, pd.Series(pd.NA, index=ids), pd.Series(outlet, index=ids))
    return kept.groupby("doc_id")["text"].agg(list).to_dict(), removed


def test_a_lone_and_line_does_not_open_a_footer():
    # Scraped pages drop linked names and leave a bare "and" between two paragraphs.
    body = [PROSE, PROSE + " More.", PROSE + " Yet more.", "and",
            "resumed their rivalry in the long jump competition, both achieving the standard.",
            ", now based at Loughborough, sprinted past the front runner to steal the title."]
    kept, removed = _clean("\n\n".join(["A headline", *body]))
    assert kept == body
    assert removed == {"A headline": "title (kept as the document title)"}


@pytest.mark.parametrize("line", ["Share this article", "Share on Facebook and Twitter",
                                  "Facebook Twitter WhatsApp Email", "Follow us on Telegram"])
def test_share_bar_starting_with_a_share_word_is_removed(line):
    kept, removed = _clean("\n\n".join(["A headline", PROSE, PROSE + " More.", line]))
    assert removed[line] == "share, donate or subscribe footer"
    assert kept == [PROSE, PROSE + " More."]


@pytest.mark.parametrize("line", [
    'He called for public services to "support us all in an ageing society", the charity said.',
    'In a statement, Mr Straw said: "A new post in Nairobi will help support our work on climate '
    'change, and one in Nigeria will cover energy."',
    "The union said members would " + "continue to support our work with the poor and the sick " * 5 + "now.",
])
def test_quoted_or_long_support_paragraph_is_kept(line):
    body = [PROSE, PROSE + " More.", line, PROSE + " End."]
    kept, removed = _clean("\n\n".join(["A headline", *body]))
    assert kept == body


def test_short_appeal_to_support_us_is_a_footer():
    appeal = "Please support our journalism with a donation today."
    kept, removed = _clean("\n\n".join(["A headline", PROSE, PROSE + " More.", appeal, "Our team"]))
    assert removed[appeal] == "share, donate or subscribe footer"
    assert removed["Our team"] == "share, donate or subscribe footer (footer zone)"
    assert kept == [PROSE, PROSE + " More."]


@pytest.mark.parametrize("line", ["42,093", "20,170.", "1945 GMT", "Tuesday, 1 March"])
def test_attendance_kick_off_time_and_fixture_day_are_not_datelines(line):
    body = [PROSE, line, PROSE + " More."]
    kept, removed = _clean("\n\n".join(["A headline", *body]))
    assert kept == body


@pytest.mark.parametrize("line", ["Tuesday, March 19, 2024", ", 21:22, 17.02.2024", "1 year ago",
                                  "Published 3 March 2023", "Posted on 12/05/2021"])
def test_real_datelines_are_removed(line):
    kept, removed = _clean("\n\n".join(["A headline", line, PROSE]))
    assert removed[line] == "dateline"
    assert kept == [PROSE]


def test_huge_single_line_article_is_kept_whole():
    text = (PROSE + " Please support us and subscribe to our newsletter. ") * 40_000  # ~5.6 MB
    kept, removed = _clean(text.strip())
    assert len(text) > 5_000_000
    assert kept == [text.strip()]
    assert removed == {}


def test_identical_files_count_once_as_repeats():
    text = "\n\n".join(["A headline", PROSE, "Example Media Group, 10 High Street, London"])
    kept, removed = _clean_docs([text] * 3, outlet="X")
    assert all(texts == [PROSE, "Example Media Group, 10 High Street, London"]
               for texts in kept.values())
    assert set(removed["reason"]) == {"title (kept as the document title)"}


@pytest.mark.parametrize("line, reason", [
    ("- Greta Thunberg (@GretaThunberg) February 14, 2023", "social media embed"),
    ("Facts matter. pic.twitter.com/V8cX2injQu", "social media embed"),
    ("Read more at WSJ", "link to related content"),
    ("Source: https://www.example.com/2023/12/a-very-long-path-to-the-original-story-page",
     "aggregator link"),
    ("Related: WATCH: Cricketer Carries Climate Protester Off the Field", "link to related content"),
    ("h/t Steve B.", "link to related content"),
    ("This video is from 2019.", "video embed caption"),
    ("This interview has been lightly edited and condensed for clarity.",
     "syndication or editorial note"),
    ("Top photo of the Vanilla bean plant by Kristy An on Unsplash", "image credit"),
    ("..", "HTML residue"),
])
def test_families_of_scraped_furniture_are_removed(line, reason):
    kept, removed = _clean("\n\n".join(["A headline", PROSE, line, PROSE + " More."]))
    assert removed[line] == reason
    assert kept == [PROSE, PROSE + " More."]


@pytest.mark.parametrize("line", [
    "Photos released by the ministry show the damage to the bridge.",
    "Related talks will continue in Brussels next week, officials said.",
    "Read more than a thousand pages of the report and you will find no answer.",
    '"Sign up to get the news," she told the crowd, laughing.',
])
def test_article_lines_like_furniture_are_kept(line):
    kept, _ = _clean("\n\n".join(["A headline", PROSE, line, PROSE + " More."]))
    assert kept == [PROSE, line, PROSE + " More."]


def test_a_short_line_in_many_documents_of_the_corpus_is_furniture():
    texts = [f"Title {i}\n\nStory number {i} is about the vote in parliament.\n\n"
             "Thanks for reading our coverage of the vote\n" for i in range(4)]
    ids = [f"d{i}" for i in range(4)]
    kept, removed, _, _ = clean_lines(pd.DataFrame({"doc_id": ids, "raw_text": texts}),
                                   pd.Series(pd.NA, index=ids),
                                   pd.Series([f"Outlet {i}" for i in range(4)], index=ids))
    kept = kept.groupby("doc_id")["text"].agg(list).to_dict()
    assert removed["reason"].value_counts().to_dict() == {
        "repeated across 4 documents of the corpus": 4, "title (kept as the document title)": 4}
    assert kept["d0"] == ["Story number 0 is about the vote in parliament."]


@pytest.mark.parametrize("line, reason", [
    ("By Anthony King", "byline"),
    ("By Jane Doe and John Roe | Reuters", "byline"),
    ("The views of the interviewees don't necessarily reflect those of the Commission.",
     "disclaimer"),
    ("The views expressed in this article are those of the author.", "disclaimer"),
    ("\u00a9 2024 Example Media Ltd", "copyright line"),
    ("Copyright 2023 Example News. All rights reserved.", "copyright line"),
    ("Story continues below advertisement", "advertisement slug"),
    ("We use cookies to improve your experience on our site.", "cookie or consent notice"),
    ("Click here to read the full report", "promo insert"),
    ("Download our free news app for the latest headlines", "promo insert"),
    ("Listen to our climate podcast on any platform", "promo insert"),
    ("Snow White says", "comment thread"),
    ("Reply", "comment thread"),
    ("3 Likes | Reply", "comment thread"),
    ("(Getty Images)", "image credit"),
    ("Jane Doe/AFP", "image credit"),
    ("Credit: Example Agency", "image credit"),
    ("The minister speaks in the capital, Sep. 10, 2024. (Example Daily Online/Jane Doe)",
     "image credit"),
    ("(AP Photo/John Roe)", "image credit"),
    ("Activate to view larger image,", "image viewer prompt"),
    ("Click to enlarge", "image viewer prompt"),
    ("Photos", "image viewer prompt"),
    ("All our articles can be read in 51 languages by activating the Translate Website button "
     "below the author's name.", "page button instruction"),
])
def test_new_families_of_furniture_are_removed(line, reason):
    kept, removed = _clean("\n\n".join(["A headline", PROSE, line, PROSE + " More."]))
    assert removed[line] == reason
    assert kept == [PROSE, PROSE + " More."]


@pytest.mark.parametrize("line", [
    "By contrast, the ministry said the plan would fail within a year.",
    "By 2030 the city wants every bus to run on electricity, the mayor said.",
    "By Tuesday",
    "The plan does not necessarily reflect a change of policy, the minister said.",
    "Copyright law in the EU changed in 2019, when the parliament voted for the reform.",
    "The cookie company said sales rose by a third last year.",
    "Users who click on adverts are tracked by the firm, the study found.",
    "What the science says",
    "Likes and shares decide what spreads on the platform, researchers found.",
    "\u201cIts courts have no role in crafting energy policy,\u201d a spokesman said, as quoted "
    "by Bloomberg.",
    "Christopher Galarza, Verona, Pa.",
    "Verdict: False",
    "The vote split the chamber along party lines (Democrats/Republicans).",
    "Click to enlarge the map and the damage to the coast is plain.",
    "Photos of the flood were shared widely on Monday.",
    "The like button changed how teenagers use the app, researchers said.",
])
def test_article_lines_like_the_new_families_are_kept(line):
    kept, _ = _clean("\n\n".join(["A headline", PROSE, line, PROSE + " More."]))
    assert kept == [PROSE, line, PROSE + " More."]


def test_new_comment_counter_opens_a_footer_zone():
    body = [PROSE, PROSE + " More.", PROSE + " Yet more."]
    comments = ["12 comments", "First reader", "I disagree with every word of this article."]
    kept, removed = _clean("\n\n".join(["A headline", *body, *comments]))
    assert kept == body
    assert removed["I disagree with every word of this article."] == "comment form (footer zone)"


SIGNATURE = "\u2014 Jane Roe (@janeroe) December 1, 2022"


def test_tweet_text_above_its_signature_is_removed():
    tweet = ["Good to see #Florida join the effort.", "Thank you @JaneRoe for leading the way."]
    body = [PROSE, "A short paragraph of the article.", *tweet, SIGNATURE, PROSE + " End."]
    kept, removed = _clean("\n\n".join(["A headline", *body]))
    assert kept == [PROSE, "A short paragraph of the article.", PROSE + " End."]
    assert [removed[t] for t in tweet] == ["social media embed (post text)"] * 2
    assert removed[SIGNATURE] == "social media embed"


def test_plain_tweet_text_goes_up_to_the_writers_lead_in():
    tweet = ["Good to see Florida join the effort.", "Thank you for leading the way."]
    body = [PROSE, "The governor wrote on Thursday:", *tweet, SIGNATURE, PROSE + " End."]
    kept, removed = _clean("\n\n".join(["A headline", *body]))
    assert kept == [PROSE, "The governor wrote on Thursday:", PROSE + " End."]
    assert [removed[t] for t in tweet] == ["social media embed (post text)"] * 2


@pytest.mark.parametrize("before", [
    ["A short paragraph of the article."],  # no lead-in: only lines that look like a post go
    ['"We will win," she said.'],  # a quotation
    [PROSE + " " + PROSE],  # longer than one post
])
def test_article_lines_above_a_tweet_are_kept(before):
    body = [PROSE, *before, "Short post text with a #tag.", SIGNATURE, PROSE + " End."]
    kept, removed = _clean("\n\n".join(["A headline", *body]))
    assert kept == [PROSE, *before, PROSE + " End."]
    assert removed["Short post text with a #tag."] == "social media embed (post text)"


@pytest.mark.parametrize("quoted", [True, False])
def test_plain_post_text_the_article_quotes_is_the_posts(quoted):
    post = "Once again, the state is declaring independence from a misguided mandate."
    quote = (f"\u201c{post} The law is clear,\u201d the governor said." if quoted
             else "\u201cThe law is clear,\u201d the governor said in a statement on Wednesday.")
    kept, removed = _clean("\n\n".join(["A headline", PROSE, quote, post, SIGNATURE,
                                         PROSE + " End."]))
    assert kept == [PROSE, quote, PROSE + " End."] if quoted else [PROSE, quote, post, PROSE + " End."]
    assert removed.get(post) == ("social media embed (post text)" if quoted else None)


FIRST_POST = ["First post text with a #tag.", "\u2014 John Roe (@johnroe) December 1, 2022"]


@pytest.mark.parametrize("second, removed_between", [
    ([SIGNATURE], True),  # only the second post's text stands between the two signatures
    (["Second post. pic.twitter.com/V8cX2injQu", SIGNATURE], False),  # its text is on its link
])
def test_plain_line_between_two_posts_is_the_second_posts_text(second, removed_between):
    between = "Indeed. My bias, my mistake."
    body = [PROSE, *FIRST_POST, between, *second, PROSE + " End."]
    kept, removed = _clean("\n\n".join(["A headline", *body]))
    assert kept == [PROSE, PROSE + " End."] if removed_between else [PROSE, between, PROSE + " End."]
    assert removed.get(between) == ("social media embed (post text)" if removed_between else None)


def test_no_tweet_text_taken_above_the_lead_or_a_signature_with_its_text():
    lead = "A viral image purports to show the activist holding a book."
    glued = "Facts matter." + SIGNATURE
    body = [lead, SIGNATURE, PROSE, "Short line of prose.", glued, PROSE + " End."]
    kept, removed = _clean("\n\n".join(["A headline", *body]))
    assert kept == [lead, PROSE, "Short line of prose.", PROSE + " End."]


BIO = "Brian Sussman is a meteorologist, author, and podcaster."


def test_author_bio_after_the_last_paragraph_is_removed():
    body = [PROSE, PROSE + " More.", PROSE + " Yet more."]
    kept, removed = _clean("\n\n".join(["A headline", *body, BIO, "Share this article"]))
    assert kept == body
    assert removed[BIO] == "author bio (closing lines)"


@pytest.mark.parametrize("line", [
    BIO,
    "Jane Doe is a reporter at the Tribune who first broke the story in 2019.",
    "Jane Doe writes about energy for the Tribune.",
    'Jane Doe edits "The Column" for the Tribune.',
])
def test_bio_like_sentence_inside_the_article_is_kept(line):
    body = [PROSE, PROSE + " More.", line, PROSE + " End."]
    kept, _ = _clean("\n\n".join(["A headline", *body]))
    assert kept == body


def test_whole_title_repeated_with_a_question_mark_is_removed():
    title = "Did the minister say the banks would save the world?"
    kept, removed = _clean("\n\n".join([title, title, PROSE]))
    assert removed[title] == "repeated title"
    assert kept == [PROSE]


@pytest.mark.parametrize("line, repeats", [
    ("Letters to the Editor: Oil firms are killing the planet. Now they sell us a fake fix?", True),
    ("FACT CHECK: Oil firms are killing the planet. Now they sell us a fake fix?", True),
    ("The minister said: Oil firms are killing the planet. Now they sell us a fake fix?", False),
    ("Letters to the Editor: Oil firms are killing the planet, a reader writes.", False),
])
def test_the_title_again_after_a_section_kicker_is_removed(line, repeats):
    title = "Oil firms are killing the planet. Now they sell us a fake fix?"
    kept, removed = _clean("\n\n".join([title, line, PROSE]))
    assert kept == ([PROSE] if repeats else [line, PROSE])
    assert removed.get(line) == ("repeated title" if repeats else None)


def test_recurring_label_between_prose_paragraphs_is_kept_and_furniture_is_not():
    texts = [f"Title {i}\n\nStory {i} is about a video that was shared widely on social media "
             "this week.\n\nVerdict: False\n\nThe clip was taken out of context and the full "
             "interview says something else entirely.\n\nJoin the conversation as a VIP Member\n"
             for i in range(4)]
    kept, removed = _clean_docs(texts)
    assert all("Verdict: False" in lines for lines in kept.values())
    assert (removed["text"] == "Join the conversation as a VIP Member").sum() == 4


@pytest.mark.parametrize("promo", [
    "We build tools for free speech. Explore our peer-to-peer platform at Example.io. "
    "Every purchase at ExampleStore.com helps fund our work.",
    "Help keep Example Planet free and independent! Together we can ensure our site stays a hub "
    "for ideas that fight for a sustainable, healthy and compassionate world, for a long time "
    "to come. Please support us in keeping our mission strong every day.",  # over 240 characters
])
def test_line_with_two_promo_cues_is_removed(promo):
    kept, removed = _clean("\n\n".join(["A headline", PROSE, promo, PROSE + " More."]))
    assert removed[promo] == "promo insert (cues)"
    assert kept == [PROSE, PROSE + " More."]


@pytest.mark.parametrize("line", [
    "The firm estimates that if enough people sign up and download the tool, spammers will pay.",
    "Supporters can donate at Example.com, the campaign said in a statement on Monday.",
    '"Explore our new platform at Example.io and support us," the founder told the crowd.',
    "Volunteers help keep the park free of litter, and the council pays for their gloves.",
])
def test_article_line_with_one_promo_cue_or_a_quotation_is_kept(line):
    kept, _ = _clean("\n\n".join(["A headline", PROSE, line, PROSE + " More."]))
    assert kept == [PROSE, line, PROSE + " More."]


def test_transcript_speaker_line_is_not_a_comment_header():
    body = [PROSE, "Reporter Jane Doe says:", PROSE + " More."]
    kept, _ = _clean("\n\n".join(["A headline", *body]))
    assert kept == body


def test_recurring_residue_between_prose_is_still_furniture():
    texts = [f"Title {i}\n\nStory {i} is about a video that was shared widely on social media "
             "this week.\n\nFULL TEXT.\n\nThe clip was taken out of context and the full "
             "interview says something else entirely.\n" for i in range(4)]
    ids = [f"d{i}" for i in range(4)]
    kept, removed, _, _ = clean_lines(pd.DataFrame({"doc_id": ids, "raw_text": texts}),
                                   pd.Series(pd.NA, index=ids),
                                   pd.Series([f"Outlet {i}" for i in range(4)], index=ids))
    assert (removed["text"] == "FULL TEXT.").sum() == 4


def test_line_repeating_the_next_paragraphs_joined_is_removed():
    first, second = "Waste recovery cuts landfill.", "Garbage can become fuel, wood or compost."
    body = [f"{first} {second}", first, second, PROSE]
    kept, removed = _clean("\n\n".join(["A headline", *body]))
    assert kept == [first, second, PROSE]
    assert removed[f"{first} {second}"] == "repeated paragraphs (joined copy)"


def test_paragraph_that_only_begins_like_the_next_ones_is_kept():
    first, second = "Waste recovery cuts landfill.", "Garbage can become fuel, wood or compost."
    body = [f"{first} {second} It also saves money.", first, second, PROSE]
    kept, _ = _clean("\n\n".join(["A headline", *body]))
    assert kept == body


def test_appeal_to_share_experiences_is_a_footer():
    appeal = "Share your experiences, suggestions, and any issues you've encountered on Example Post."
    kept, removed = _clean("\n\n".join(["A headline", PROSE, PROSE + " More.", appeal]))
    assert removed[appeal] == "newsletter sign-up"
    assert kept == [PROSE, PROSE + " More."]


@pytest.mark.parametrize("line", [
    "She merely wanted men to sign up for mobile updates from the senator's campaign.",
    "A woman's effort to get men to sign up for updates from the campaign got her account suspended.",
])
def test_a_sentence_about_others_signing_up_is_kept(line):
    kept, _ = _clean("\n\n".join(["A headline", PROSE, line, PROSE + " More."]))
    assert kept == [PROSE, line, PROSE + " More."]


@pytest.mark.parametrize("line", ["(Reporting by Jane Doe; Editing by John Roe)",
                                  "Additional reporting by Jane Doe in London",
                                  "--additional reporting by Jane Doe.",
                                  "--additional reporting from John Roe."])
def test_wire_credits_are_a_byline(line):
    kept, removed = _clean("\n\n".join(["A headline", PROSE, PROSE + " More.", line]))
    assert removed[line] == "byline"
    assert kept == [PROSE, PROSE + " More."]


def test_reporting_by_inside_a_sentence_is_kept():
    line = "Reporting by the newspaper's team in 2019 led to the inquiry, the minister said."
    kept, _ = _clean("\n\n".join(["A headline", PROSE, line, PROSE + " More."]))
    assert kept == [PROSE, line, PROSE + " More."]


def test_link_markers_are_cut_from_a_paragraph():
    line = "The money will be moved elsewhere, he said. (read more)"
    kept, removed = _clean("\n\n".join(["A headline", PROSE, line, "Since early 2021 {link} the "
                                        "state has removed the firm from its contracts."]))
    assert kept == [PROSE, "The money will be moved elsewhere, he said.",
                    "Since early 2021 the state has removed the firm from its contracts."]


@pytest.mark.parametrize("line, reason", [
    ("See Related: Tax Cuts for the Rich? Clean Energy Credits Go to the Few",
     "link to related content"),
    ("MUST WATCH: President Lights Up Host Who Tries to Shame Him", "link to related content"),
    ("Also read | Landslides: Minister conducts aerial survey of disaster-hit areas",
     "link to related content"),
    ("Read: Provincial Premiers Form a Rare United Front Against the Tax",
     "link to related content"),
    ("HT", "link to related content"),
    ("New maps show exact date more storm chaos will wallop into Britain [ANALYSIS]",
     "link to related content"),
    ("Most read in Tech", "link to related content"),
    ('\u2014"A sketch artist gets a gallery show," by Example\'s Jane Doe: http://bit.ly/1NSbMIk.',
     "link to related content"),
    ("The latest news about the council and its ideas can be found at Example.news.",
     "promo insert"),
    ("Want to keep up with the latest on the climate? Visit Climate.news.", "promo insert"),
    ("TRUTH LIVES on at https://example.tv/", "promo insert"),
    ("View full results: http://example.co/1oGcEFv.", "link line"),
    ("https://www.example.com/news/464051-study-no-evidence/", "link line"),
    ("Stay up-to-date with more news on Example Agency's WhatsApp channel", "newsletter sign-up"),
    ("Today's top stories curated by our news team.", "newsletter sign-up"),
    ("Welcome to Example's Culture Report, a weekly digest of news from the city's arts industries.",
     "newsletter standing line"),
    ('Want to receive this in your inbox? Sign up by entering your email and clicking the "subscribe" '
     "button:", "newsletter standing line"),
    ("WELCOME! Questions? Tips? Events? Email me, jane.doe@example.com, and follow @janedoe for "
     "real-time updates throughout the week.", "promo insert"),
    ("We need your consent to load this player content. We use the player to manage extra "
     "content that can set cookies on your device.", "cookie or consent notice"),
])
def test_more_families_of_furniture_are_removed(line, reason):
    kept, removed = _clean("\n\n".join(["A headline", PROSE, line, PROSE + " More."]))
    assert removed[line] == reason
    assert kept == [PROSE, PROSE + " More."]


@pytest.mark.parametrize("line", [
    "In addition, France was the first Western country to sign an air agreement with China, "
    "according to new.china.com.",
    "The ministry published the full list of 400 names on its website at https://example.gov/a",
    "Read at least one report a year, the minister told the students in Leeds.",
    "Met Office verdict on the storm [REVEAL] was published on Monday. It said more may come.",
    "The Most Read Books",
    "Welcome to the season of the big, political personal finance promises.",
    '\u2014"Met accused of whitewashing a painting," by Example\'s Jane Doe: "A man is suing the '
    'museum." http://bit.ly/1abc.',
])
def test_article_lines_like_the_link_and_promo_families_are_kept(line):
    kept, _ = _clean("\n\n".join(["A headline", PROSE, line, PROSE + " More."]))
    assert kept == [PROSE, line, PROSE + " More."]


def test_promo_sentence_closing_an_article_paragraph_is_cut():
    line = "Everything they do aims to stamp out freedom. To learn more, visit Example.news."
    kept, removed = _clean("\n\n".join(["A headline", PROSE, line, PROSE + " More."]))
    assert kept == [PROSE, "Everything they do aims to stamp out freedom.", PROSE + " More."]


def test_bare_read_more_takes_only_the_linked_headline_after_it():
    # A [[list]] opener: late in the document too, only the headline-like lines right after go.
    body = [PROSE, PROSE + " More.", PROSE + " Yet more."]
    text = "\n\n".join(["A headline", *body, "Read more:", "Province Defies the Capital on Power",
                        PROSE + " Last.", "Don't miss...", "Maps show the exact day it will hit",
                        "Storm chaos explained [INSIGHT]", PROSE + " End.", "Also on Capitol Hill:",
                        "Senate Passes the Budget Bill", PROSE + " Hill."])
    kept, removed = _clean(text)
    assert kept == [*body, PROSE + " Last.", PROSE + " End.", PROSE + " Hill."]
    assert removed["Read more:"] == "link list heading"
    assert removed["Province Defies the Capital on Power"] == "link list heading (list after marker)"
    assert removed["Maps show the exact day it will hit"] == "link list heading (list after marker)"
    # a place, not a site's name: a heading over headlines, not a footer (ExamplePost: a footer)
    assert removed["Senate Passes the Budget Bill"] == "link list heading (list after marker)"


def test_video_platform_credit_closes_the_post():
    body = [PROSE, PROSE + " More.", PROSE + " Yet more."]
    after = ["Video shows the minister admitting the plan is a scam.", "Sources include:"]
    credit = "This video is from the Daily Videos channel on Brighteon.com."
    kept, removed = _clean("\n\n".join(["A headline", *body, credit, *after]))
    assert kept == body
    assert removed[credit] == "video embed credit"
    assert removed[after[0]] == "video embed credit (footer zone)"


@pytest.mark.parametrize("marker", [
    "Comment Policy: As a privately owned web site, we reserve the right to remove comments.",
    "Join the conversation as a VIP Member",
    "Full article here (includes a video extract).",
    "Also on ExamplePost:",  # a site's gallery after it
])
def test_comment_doors_and_full_article_links_open_a_footer_zone(marker):
    body = [PROSE, PROSE + " More.", PROSE + " Yet more."]
    kept, removed = _clean("\n\n".join(["A headline", *body, marker, "say no to all of them"]))
    assert kept == body
    assert removed["say no to all of them"].endswith("(footer zone)")


def test_lead_repeated_later_is_removed_and_other_repeats_stay():
    lead = "When an eclipse turns day into night, will tortoises start acting romantic?"
    standing = "It takes 1,237 delegates to win the Republican nomination for president."
    body = [lead, standing, PROSE, standing, PROSE + " More.", lead]
    kept, removed = _clean("\n\n".join(["A headline", *body]))
    assert kept == [lead, standing, PROSE, standing, PROSE + " More."]
    assert removed[lead] == "repeated lead paragraph"


THREAD = [
    "I hope the police have their lists up to date. They normally shoot at the other side.",
    "Tonight is beautiful weather for evening baseball",
    "these punks have never been in a fight. About time for them to learn.",
    "Why don't they just forfeit like they do on everything else",
    "That's because they're driven by emotions, not reason.",
    "LOL !",
    "either of those work",
    "He is a professional troublemaker. He has never held an honest job.",
]


def test_reader_thread_after_an_aggregator_link_is_removed():
    # The aggregator's link stands early (the thread is long), so no footer zone opens; the lines
    # after it read as typed by readers (4 of 8 show a sign), so they go.
    body = [PROSE, PROSE + " More."]
    link = "(Excerpt) Read more at example.com ..."
    kept, removed = _clean("\n\n".join(["A headline", *body, link, *THREAD]))
    assert kept == body
    assert [removed[line] for line in THREAD] == ["reader comment thread"] * len(THREAD)


def test_news_prose_after_a_removed_line_is_not_a_thread():
    later = [f"{PROSE} Paragraph {i}." for i in range(6)] + ["What happens next", "Officials "
             "said the vote would be held in the spring, the ministry confirmed."]
    body = [PROSE, "Photo: Reuters/John Doe", *later]
    kept, removed = _clean("\n\n".join(["A headline", *body]))
    assert kept == [PROSE, *later]


def test_thread_starts_after_the_last_article_paragraph():
    # Two removed lines: the one after the article's last paragraph has the more thread-like lines
    # after it, so the paragraphs between them stay.
    body = [PROSE, "h/t Jane Roe", PROSE + " More.", PROSE + " Yet more."]
    kept, removed = _clean("\n\n".join(["A headline", *body, "h/t John Roe", *THREAD]))
    assert kept == [PROSE, PROSE + " More.", PROSE + " Yet more."]


@pytest.mark.parametrize("name", ["Ian Miles Cheong", "- Jane Doe."])
def test_writers_name_after_the_last_paragraph_is_removed(name):
    body = [PROSE, PROSE + " More."]
    kept, removed = _clean("\n\n".join(["A headline", *body, name]))
    assert kept == body
    assert removed[name] == "author sign-off (last line)"


@pytest.mark.parametrize("ending", [
    ["Shrek 2", "The Incredibles", "School Of Rock"],  # a list of titles
    ["Enter President Trump."],  # a sentence
    [PROSE + " Again.", "Jennifer Ho, La Crescenta"],  # a letter's signature with the town
])
def test_closing_lines_like_a_sign_off_are_kept(ending):
    body = [PROSE, PROSE + " More.", *ending]
    kept, _ = _clean("\n\n".join(["A headline", *body]))
    assert kept == body


def test_promo_with_a_quoted_slogan_is_removed_and_open_quoted_speech_is_kept():
    promo = ('"United We Stand" Click Here To Create Your Personal Citizen Journalist Account '
             "Today, Be Sure To Invite Your Friends.")
    speech = "\u201cSign up now and join us at Example.com, every one of you, she told the rally."
    kept, removed = _clean("\n\n".join(["A headline", PROSE, promo, speech, PROSE + " More."]))
    assert removed[promo] == "promo insert (cues)"
    assert kept == [PROSE, speech, PROSE + " More."]


# Furniture of US news sites (PolNeAR development half, benchmarks/labels/polnear_dev_lines.tsv).
@pytest.mark.parametrize("line, reason", [
    ("Neilson Barnard via Getty Images.", "image credit"),
    ("Facebook/Jane Doe.", "image credit"),
    ("Jane Doe/LinkedIn.", "image credit"),
    ("YouTube.", "image credit"),
    ("KUNA News Agency.", "image credit"),
    ("Twitter: @JaneDoe.", "byline"),
    ("Podcast produced by Jane Doe.", "byline"),
    ("Read it all here.", "embed or link pointer"),
    ("Watch the interview segment here.", "embed or link pointer"),
    ("Listen to our analysis of Thursday's debate in the podcast embedded above. Subscribe here.",
     "embed or link pointer"),
    ("[Video: Full speech at the convention (9/17/16) Watch on YouTube.]", "embed or link pointer"),
    ('<tweet tweet-id="677669901075656708"><tweet/>.', "embed markup"),
    ('<tweet pic="" author="JaneDoe" timestamp="1449075600" tweet_id="672137288055398401">'
     "Praying for everyone tonight</tweet>.", "embed markup"),
    ("This is a developing story and will be updated.", "update notice"),
    ("(Subscribe to the Example Nerdcast on iTunes or download from Soundcloud here.)",
     "promo insert"),
    ("Feedback? What should we talk about next? Email us at show@example.com.", "promo insert"),
    ("Do you support Dr. Jane Doe? Like the page:", "promo insert"),
    ("Like us on Facebook!", "promo insert"),
    ("- Here's What We Know So Far About The Crash- 3 Important Things To Know About The "
     "Flight- Officials Say Debris From The Jet Was Found", "related headlines run"),
])
def test_furniture_of_us_news_sites_is_removed(line, reason):
    kept, removed = _clean("\n\n".join(["A headline", PROSE, line, PROSE + " More."]))
    assert removed[line] == reason
    assert kept == [PROSE, PROSE + " More."]


@pytest.mark.parametrize("line", [
    "Read the full statement below:",
    "Officials said the letter was first reported via Reuters.",
    "He posted the video on Twitter.",
    "The news agency said the toll had risen.",
    "- Clinton - who won the state - said she would fight on.",
    "- Tim Dams, Screen International: Film - The Aviator; director - Clint Eastwood; "
    "actor - Jamie Foxx.",
    "Readers can email us at the address on the back page.",
    "Like the page of a diary, the plan was torn out and never seen again.",
    "See the fear embedded below the surface of the campaign, she said.",
])
def test_article_lines_like_us_news_furniture_are_kept(line):
    kept, _ = _clean("\n\n".join(["A headline", PROSE, line, PROSE + " More."]))
    assert kept == [PROSE, line, PROSE + " More."]


def test_wire_online_heading_goes_with_its_address():
    body = [PROSE, PROSE + " More.", PROSE + " Yet more."]
    kept, removed = _clean("\n\n".join(["A headline", *body, "Online:", "http://example-poll.com."]))
    assert kept == body
    assert removed["Online:"] == "link list heading"


def test_article_line_above_embed_markup_is_not_taken_as_the_post():
    # The tweet's markup carries its own text, so the line above it stays (its lead-in, "CNN also
    # noted ...:", introduced a post that is missing).
    body = [PROSE, "CNN also noted the sparse attendance:",
            "Even one reporter pointed out the empty seats at the event."]
    embed = ['<tweet tweet-author="@JaneDoe" tweet-date="March 9, 2016',
             '">Stands empty at the rally. pic.twitter.com/9zj0xslwSA<tweet/>.']
    kept, removed = _clean("\n\n".join(["A headline", *body, *embed, PROSE + " More."]))
    assert kept == [*body, PROSE + " More."]
    assert removed[embed[0]] == "embed markup"


def test_op_ed_writers_post_after_the_last_paragraph_is_a_bio():
    body = [PROSE, PROSE + " More.", PROSE + " Yet more."]
    bio = "Rep. Jane Doe, D-Fla., chairs the Example National Committee."
    kept, removed = _clean("\n\n".join(["A headline", *body, bio]))
    assert kept == body
    assert removed[bio] == "author bio (closing lines)"
    kept, _ = _clean("\n\n".join(["A headline", *body, bio, PROSE + " Last."]))
    assert kept == [*body, bio, PROSE + " Last."]


@pytest.mark.parametrize(("line", "reason"), [
    ("Lerer reported from Los Angeles. Associated Press writer Jill Colvin contributed from Albuquerque.",
     "reporting credit (closing lines)"),
    ("Phillip reported from Oakland, Calif.; Gearan, from Washington.", "reporting credit (closing lines)"),
    ("Jane Doe and John Roe contributed reporting.", "reporting credit (closing lines)"),
    ("Rick Scott is the Republican governor of Florida.", "author bio (closing lines)"),
    ("Jane Doe is editor in chief of Example Today. Her opinions are her own and are separate from "
     "those of the Editorial Board.", "author bio (closing lines)"),
    ("John Roe is senior media editor at The Example Post.", "author bio (closing lines)"),
    ("We Are Sorry,This video is restricted from playing in your locationEcode: 17.",
     "video player message"),
    ("(h/t RCP Video.)", "link to related content"),
    ("Read the rest of the story at Mediaite.", "aggregator link"),
    ("Contributing: Brittney Bennett and Greg Toppo, USA TODAY.", "reporting credit (closing lines)"),
    ("Editor's note: This story has been updated with the governor's response.",
     "editor's note (closing lines)"),
    ("This piece has been updated with comments from Jane Doe and the governor's office.",
     "editor's note (closing lines)"),
    ('Jane Doe edits "The Column" for Example and co-hosts its podcast "So, What Now." '
     "Subscribe here.", "author bio (closing lines)"),
])
def test_credits_op_ed_posts_and_player_messages_at_the_end_are_removed(line, reason):
    body = [PROSE, PROSE + " More.", PROSE + " Yet more."]
    kept, removed = _clean("\n\n".join(["A headline", *body, line]))
    assert kept == body
    assert removed[line] == reason


def test_wire_credit_before_the_writers_handles_is_removed():
    body = [PROSE, PROSE + " More.", PROSE + " Yet more."]
    credit = "Doe reported from Los Angeles. Associated Press writer John Roe contributed from Albuquerque."
    handles = "On Twitter follow Jane Doe https://twitter.com/janedoe and John Roe https://twitter.com/jroe."
    kept, removed = _clean("\n\n".join(["A headline", *body, "__.", credit, "__.", handles]))
    assert kept == body
    assert removed[credit] == "reporting credit (closing lines)"
    assert removed[handles] == "newsletter sign-up"


@pytest.mark.parametrize("line", [
    "Officials reported from the scene that two people had died.",
    "He reported from Kyiv for ten years before joining the paper.",
    "Reuters reported from London that the talks had failed.",
    "Smith reported.",
    "This report was updated in May, the agency said.",
    "Jane Doe is using President John Roe as a shield against the attacks on her campaign.",
    'Jane Doe covers the statehouse, "and we will not give up on this vote," she said.',
])
def test_a_closing_sentence_of_the_story_about_reporting_is_kept(line):
    body = [PROSE, PROSE + " More.", PROSE + " Yet more.", line]
    kept, _ = _clean("\n\n".join(["A headline", *body]))
    assert kept == body


def test_a_reporting_credit_inside_the_article_is_kept():
    body = [PROSE, "Eilperin reported from Washington.", PROSE + " More.", PROSE + " End."]
    kept, _ = _clean("\n\n".join(["A headline", *body]))
    assert kept == body


LETTER = "The candidate has a long history of blaming others for what went wrong in the campaign."


def test_signatures_under_readers_letters_are_removed():
    page = [LETTER, "Jane Q. Public.", "Gainesville, Fla.", LETTER + " Again.", "John Roe.",
            "Short posts sign too, like this one.", "@reader_one.", LETTER + " Once more.",
            "Mary Major.", "New York."]
    kept, removed = _clean("\n\n".join(["Readers on the race", *page]))
    assert kept == [LETTER, LETTER + " Again.", "Short posts sign too, like this one.",
                    LETTER + " Once more."]
    assert {line: why for line, why in removed.items() if not why.startswith("title")} == {
        line: "signature under a reader's letter or post"
        for line in ("Jane Q. Public.", "Gainesville, Fla.", "John Roe.", "@reader_one.", "Mary Major.",
                     "New York.")}


def test_names_as_subheads_before_their_paragraphs_are_kept():
    body = ["Five candidates are in the race, and each needs something different tonight.",
            "Jane Doe.", LETTER, "John Roe.", LETTER + " Again.", "Mary Major.",
            LETTER + " Once more."]
    kept, _ = _clean("\n\n".join(["What each candidate needs", *body]))
    assert kept == body


def test_a_pointer_to_a_gone_video_is_removed_and_an_introduction_to_text_is_kept():
    body = [PROSE, "Read the statement below:", PROSE + " More.", "Watch the ad below:",
            PROSE + " End."]
    kept, removed = _clean("\n\n".join(["A headline", *body]))
    assert removed["Watch the ad below:"] == "embed or link pointer"
    assert "Read the statement below:" in kept


def test_a_digest_goes_on_after_a_sign_up_line_at_its_next_section_head():
    items = ["~ A former official announced a new plan for the city's schools this week.",
             "~ Ted Cruz has too many super PACs to choose from this year."]
    body = [PROSE, PROSE + " More.", "WHAT'S WORKING.", PROSE + " Again.",
            "For more, sign up for the What's Working newsletter.", "BEFORE YOU GO.", *items]
    kept, removed = _clean("\n\n".join(["Monday's Morning Email", *body]))
    assert removed["For more, sign up for the What's Working newsletter."] == "newsletter sign-up"
    assert kept[-3:] == ["BEFORE YOU GO.", *items]
    # without a section head the sign-up line still opens a footer zone to the end
    kept, removed = _clean("\n\n".join(["Monday's Morning Email", *body[:5], *items]))
    assert kept == body[:4]


def test_a_column_name_right_under_the_title_is_removed_and_a_dek_is_kept():
    kept, removed = _clean("\n".join(["Attacks renew bitter debate on migrants", "News Analysis."])
                           + "\n\n" + PROSE)
    assert removed["News Analysis."] == "column name under the title" and kept == [PROSE]
    for second in ("The party of Bush.", "During the campaign, some admirers sense a faded magnetism."):
        kept, _ = _clean("\n".join(["It's still Bill, but old magic seems faded", second])
                         + "\n\n" + PROSE)
        assert kept == [second, PROSE]
    kept, _ = _clean("\n\n".join(["A headline", "News Analysis.", PROSE]))  # a blank line between
    assert "News Analysis." in kept


def test_pull_quote_card_repeating_the_storys_quote_is_removed():
    said = ("\u201cIf I was a donor, I\u2019d want answers,\u201d said a party member. \u201cThey are "
            "paying five times more? That is the kind of stuff I would make an (attack) ad out of it.\u201d")
    card = ["\"\u201cIf I was a donor, I\u2019d want answers. They are paying five times more? That is "
            "the kind of stuff I would make an (attack) ad out of it.\u201d", "Party member.\""]
    body = [PROSE, said]
    kept, removed = _clean("\n\n".join(["A headline", *body, "\n".join(card), PROSE + " More."]))
    assert kept == [*body, PROSE + " More."]
    assert removed[card[1]] == "pull quote (repeated, with its speaker)"


def test_quote_given_once_with_its_speaker_on_the_next_line_is_kept():
    card = ["\"Everybody believes in the convention until they start losing, then it changes.",
            "Jane Doe.\""]
    kept, _ = _clean("\n\n".join(["A headline", PROSE, "\n".join(card), PROSE + " More."]))
    assert kept == [PROSE, *card, PROSE + " More."]


@pytest.mark.parametrize("label", ["LETTERS.", "Letters to the Editor", "Letter of the day", "ABSTRACT.",
                                   "FULL TEXT."])
def test_a_desk_label_above_the_text_is_removed(label):
    kept, removed = _clean("\n\n".join(["A headline", label, PROSE, PROSE + " More."]))
    assert removed[label] == "desk label" and kept == [PROSE, PROSE + " More."]


def test_a_sentence_about_letters_is_kept():
    body = [PROSE, "Letters to the editor poured in after the vote.", PROSE + " More."]
    kept, _ = _clean("\n\n".join(["A headline", *body]))
    assert kept == body


def test_the_signature_closing_a_single_letter_is_removed():
    body = [LETTER, LETTER + " Again."]
    kept, removed = _clean("\n\n".join(["Readers on the race", *body, "Jane Q. Public.",
                                         "Deerfield Beach, Fla."]))
    assert kept == body
    assert removed["Jane Q. Public."] == removed["Deerfield Beach, Fla."] == (
        "signature under a reader's letter or post")
    # a name and a place that are not a signature pair, or not after prose, stay
    for ending in (["Jane Q. Public.", "New York."], ["Short line.", "Jane Q. Public.", "Gainesville, Fla."]):
        kept, _ = _clean("\n\n".join(["A headline", *body, *ending]))
        assert kept[:2] == body and kept[-1] == ending[-1]


def test_a_slideshow_card_its_title_and_first_caption_are_removed():
    body = [PROSE, PROSE + " More.", PROSE + " Yet more."]
    card = ["Declared 2016 Presidential Candidates.", "Declared 2016 Presidential Candidates.", "1.",
            "of.", "23.", "Sen. Jane Doe (R-Texas) \u2014 Announced March 23, 2015\nDoe dropped out of the "
            "race May 3, 2016."]
    note = ("Editor\u2019s note: The candidate has repeatedly pledged to ban all visitors from "
            "entering the U.S.")
    kept, removed = _clean("\n\n".join(["A headline", *body, note, *card]))
    assert kept == body
    assert removed["of."] == removed["Doe dropped out of the race May 3, 2016."] == "slideshow card"
    assert removed[note] == "editor's note (closing lines)"


def test_a_count_that_is_no_slideshow_counter_is_kept():
    body = [PROSE, "Votes counted.", "12.", "of.", "9.", PROSE + " More."]
    kept, _ = _clean("\n\n".join(["A headline", *body]))
    assert kept == body


def test_pull_quote_card_repeating_a_sentence_of_the_story_is_removed():
    said = ("On Sunday, the senator announced that she had raised $20 million in January alone, nearly "
            "all of it from small donors. Her campaign said the pace would beat its goal.")
    card = "\"On Sunday, the senator announced that she had raised $20 million in January alone, " \
           "nearly all of it from small donors.\""
    body = [PROSE, PROSE + " More.", said]
    kept, removed = _clean("\n\n".join(["A headline", PROSE, card, PROSE + " More.", said]))
    assert kept == body and removed[card] == "pull quote (repeated)"
    # a paragraph that is one quotation, said once, or twice word for word, stays; so does a subhead
    # quoting a phrase of the story
    quoted = "\"We will not stop until every vote is counted in every county of the state.\""
    head = "\u201cDIVISIVE, STUPID AND WRONG\u201d"
    for text in ([PROSE, quoted, PROSE + " More."], [PROSE, quoted, PROSE + " More.", quoted],
                 [PROSE, head, PROSE + " It is divisive, stupid and wrong, he said."]):
        kept, _ = _clean("\n\n".join(["A headline", *text]))
        assert kept == text


def test_a_writers_follow_line_in_stray_quotation_marks_is_removed():
    line = "\"Follow Jane Doe on Twitter @janedoe.\""
    body = [PROSE, "\"DOE: And that is why we are on our way to the White House.", PROSE + " More."]
    kept, removed = _clean("\n\n".join(["A headline", *body, line]))
    assert kept == body and removed[line] == "byline"
    said = "\"Follow me on Twitter,\" he told the crowd."
    kept, _ = _clean("\n\n".join(["A headline", PROSE, said, PROSE + " More."]))
    assert said in kept
