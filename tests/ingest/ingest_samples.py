"""Test inputs built on the fly: a minimal PDF with a text layer, feeds, HTML pages."""
# ruff: noqa: E501  (the sample pages keep each paragraph on one line, as servers send them)

from __future__ import annotations


def minimal_pdf(lines: list[str], *, title: str | None = None, created: str | None = None) -> bytes:
    """A one-page PDF whose text layer holds `lines` (ASCII); `created` like 20240321120000."""
    escape = lambda s: s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")  # noqa: E731
    content = "BT /F1 12 Tf 72 720 Td 14 TL " + " ".join(f"({escape(line)}) Tj T*" for line in lines) + " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    info = []
    if title:
        info.append(f"/Title ({escape(title)})")
    if created:
        info.append(f"/CreationDate (D:{created}Z)")
    objects.append(f"<< {' '.join(info)} >>")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{offset:010d} 00000 n \n" for offset in offsets).encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info {len(objects)} 0 R >>\n"
        f"startxref\n{xref}\n%%EOF\n"
    ).encode()
    return bytes(out)


RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel>
<title>Border Watch Wire</title><link>https://wire.example/</link><language>en-gb</language>
<item><title>Crossing attempts rise</title><link>https://wire.example/news/crossing-attempts-rise</link>
<pubDate>Thu, 21 Mar 2024 09:00:00 GMT</pubDate>
<description>&lt;p&gt;The Polish Border Guard said 120 people tried to cross from Belarus near Kuźnica on Tuesday.&lt;/p&gt;</description>
</item>
<item><title>Fence repairs</title><link>https://wire.example/news/fence-repairs</link>
<pubDate>Fri, 22 Mar 2024 10:00:00 GMT</pubDate>
<description>Engineers repaired 3 km of the barrier on the border with Belarus on Friday.</description>
</item>
<item><title>No body</title><link>https://wire.example/news/empty</link><description>   </description></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Valsts robežsardze</title><id>urn:x</id>
<updated>2024-03-08T12:00:00Z</updated>
<entry><title>Robežsardze ziņo</title><id>urn:1</id><link href="https://rs.example/zinas/1"/>
<updated>2024-03-08T12:00:00Z</updated>
<content type="html">&lt;p&gt;Valsts robežsardze ziņoja, ka 150 cilvēkiem neļāva šķērsot robežu pie Silenes.&lt;/p&gt;</content>
</entry></feed>
"""

ARTICLE = """<!doctype html><html lang="en"><head><title>Border guard: 97 attempts</title>
<meta property="article:published_time" content="2024-03-26T08:30:00Z">
<meta property="og:site_name" content="Eastern Flank Daily"></head>
<body><nav><a href="/">Home</a> | <a href="/news">News</a> | <a href="/about">About us</a></nav>
<article><h1>Border guard: 97 attempts</h1>
<p>The Polish Border Guard said on Tuesday that 97 people tried to cross the border with Belarus on Monday, most of them near Czeremcha and Dubicze Cerkiewne.</p>
<p>Officers also found a damaged section of the barrier, about 1&nbsp;200 metres long, which engineers repaired within a day.</p>
</article><footer>© 2024 Eastern Flank Daily. All rights reserved. Cookie settings.</footer></body></html>
"""
