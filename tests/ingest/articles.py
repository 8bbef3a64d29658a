"""Invented news pages for the ingest tests: one story, dressed the ways scrapers find it."""

from __future__ import annotations

HEADLINE = "Harbour bridge to reopen next month, minister says"

PARAGRAPHS = [
    "The transport minister said on Friday that the old harbour bridge would reopen to traffic "
    "by the end of next month, after repairs that lasted almost a year.",
    '"We have done everything we promised, and the bridge is safe," Maria Lindqvist told reporters at the site.',
    "Local traders said last week that the closure had cost them a third of their income since January.",
    "Engineers replaced 40 steel cables and resurfaced the deck, the ministry said in a statement.",
]

STORY = "\n\n".join(PARAGRAPHS)

# A page as a scraper saves it: date header, menu, crumb, byline, wire dateline, then
# credits, image tag, share counters and other articles' headlines with their dates.
SCRAPED = f"""Saturday, April 20, 2024
Menu
HomeEuropeHarbour bridge to reopen next month...

{HEADLINE}

By Tomas Berg

OSLO, March 15 (Reuters) - {PARAGRAPHS[0]}

{PARAGRAPHS[1]}

{PARAGRAPHS[2]}

{PARAGRAPHS[3]}

(Reporting by Tomas Berg; Editing by Anna White)

imgreuters.com2024binary_ABC123XYZ-VIEWIMAGE
Share on Social Media
2,400FansLike
310FollowersFollow
Related articles
Storm damages pier in northern port
11.Apr.2024
City council approves new budget
10.Apr.2024
Ferry strike ends after two days
09.Apr.2024
"""


def html_page(paragraphs: list[str] | None = None, *, published: str = "2024-03-15T09:30:00Z") -> str:
    """The story inside a full page: navigation, related links, footer, article meta tags."""
    body = "\n".join(f"<p>{p}</p>" for p in (paragraphs or PARAGRAPHS))
    return f"""<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>{HEADLINE} | Harbour Herald</title>
<meta property="og:site_name" content="Harbour Herald">
<meta property="og:title" content="{HEADLINE}">
<meta property="article:published_time" content="{published}">
<meta name="author" content="Tomas Berg">
</head><body>
<header><nav><ul>
<li><a href="/">Home</a></li><li><a href="/europe">Europe</a></li>
<li><a href="/business">Business</a></li><li><a href="/sport">Sport</a></li>
</ul></nav></header>
<main><article>
<h1>{HEADLINE}</h1>
{body}
</article>
<aside><h2>Related articles</h2><ul>
<li><a href="/a">Storm damages pier in northern port</a></li>
<li><a href="/b">City council approves new budget</a></li>
<li><a href="/c">Ferry strike ends after two days</a></li>
</ul></aside></main>
<footer><p>© 2024 Harbour Herald. All rights reserved.</p>
<a href="/privacy">Privacy policy</a> <a href="/contact">Contact us</a></footer>
</body></html>
"""
