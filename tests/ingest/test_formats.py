"""Every input format and encoding a government website produces becomes the same text."""

from __future__ import annotations

import codecs
import subprocess
from pathlib import Path

import pytest

from kg.ingest import IngestError, read_document

REPORT = (
    "固安县人民政府关于2022年法治政府建设情况的报告\n"
    "2022年，我县严格落实《中华人民共和国行政处罚法》，深化“放管服”改革。\n"
    "固安县人民政府\n2023年1月31日\n"
)


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [
        ("utf-8", b""),
        ("utf-8", codecs.BOM_UTF8),
        ("gb18030", b""),
        ("gbk", b""),
        ("utf-16-le", codecs.BOM_UTF16_LE),
        ("utf-16-be", codecs.BOM_UTF16_BE),
        ("utf-16-le", b""),  # Word's "Unicode text" without a BOM
    ],
)
def test_plain_text_in_every_encoding_decodes_to_the_same_text(tmp_path, encoding, prefix):
    path = tmp_path / "report.txt"
    path.write_bytes(prefix + REPORT.encode(encoding))
    doc = read_document(path)
    assert doc.text == REPORT
    title = "《中华人民共和国行政处罚法》"
    start = doc.text.index("《")
    assert doc.text[start : start + len(title)] == title
    assert doc.meta.title == "固安县人民政府关于2022年法治政府建设情况的报告"
    assert doc.meta.year == 2022 and doc.meta.date == "2023-01-31"


def test_markdown_is_read_as_text(tmp_path):
    path = tmp_path / "report.md"
    path.write_text("# " + REPORT, encoding="utf-8")
    doc = read_document(path)
    assert doc.fmt == "md" and "《中华人民共和国行政处罚法》" in doc.text


def test_html_page_keeps_content_drops_chrome_and_maps_offsets(tmp_path):
    page = (
        '<html><head><meta charset="utf-8"><title>固安县政府网</title>'
        '<script>var t = "《脚本里的假标题》";</script><style>p{color:red}</style></head><body>'
        "<nav>网站首页 &gt; 政务公开</nav>"
        "<div id=content><h1>固安县人民政府关于2022年法治政府建设情况的报告</h1>"
        "<p>我县严格落实&lt;公告&gt;和《行政处罚法》&amp;《优化营商环境条例》。</p></div>"
        "<footer>版权所有 固安县人民政府</footer></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    doc = read_document(path)
    assert "脚本里的假标题" not in doc.text  # script content is not text
    assert "网站首页" not in doc.text and "版权所有" not in doc.text
    assert "我县严格落实<公告>和《行政处罚法》&《优化营商环境条例》。" in doc.text
    assert doc.meta.title == "固安县人民政府关于2022年法治政府建设情况的报告"
    # Offsets map back into the decoded page: the title mark sits where the page has it.
    start = doc.text.index("《行政处罚法》")
    assert page[doc.source_offset(start) : doc.source_offset(start) + 7] == "《行政处罚法》"


def test_gbk_html_page(tmp_path):
    page = '<html><head><meta charset="gbk"></head><body><p>' + REPORT + "</p></body></html>"
    path = tmp_path / "page.htm"
    path.write_bytes(page.encode("gbk"))
    doc = read_document(path)
    assert "《中华人民共和国行政处罚法》" in doc.text


def test_docx_paragraphs_become_lines(tmp_path):
    import docx

    document = docx.Document()
    for line in REPORT.strip().split("\n"):
        document.add_paragraph(line)
    path = tmp_path / "report.docx"
    document.save(path)
    doc = read_document(path)
    assert doc.fmt == "docx"
    assert doc.text.split("\n")[:2] == REPORT.split("\n")[:2]
    assert doc.meta.author_names == ("固安县人民政府",)


def test_pdf_text_layer_is_read(tmp_path):
    """A PDF printed by a real browser (Chinese text through an embedded CJK font)."""
    html = tmp_path / "r.html"
    html.write_text(
        '<html><head><meta charset="utf-8"></head><body>'
        + "".join(f"<p>{line}</p>" for line in REPORT.strip().split("\n"))
        + "</body></html>",
        encoding="utf-8",
    )
    pdf = tmp_path / "report.pdf"
    subprocess.run(
        [
            "/usr/bin/chromium",
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--no-pdf-header-footer",
            f"--print-to-pdf={pdf}",
            html.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    doc = read_document(pdf)
    assert doc.fmt == "pdf"
    compact = "".join(doc.text.split())
    assert "《中华人民共和国行政处罚法》" in compact
    assert "固安县人民政府关于2022年法治政府建设情况的报告" in compact


def test_scanned_pdf_without_text_is_a_clear_error(tmp_path):
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    path = tmp_path / "scan.pdf"
    with open(path, "wb") as f:
        writer.write(f)
    with pytest.raises(IngestError, match="no text layer"):
        read_document(path)


def test_web_chrome_lines_of_the_seed_pages_are_blanked_not_removed():
    seed = Path(__file__).resolve().parents[2] / "seeds" / "003_bc19e7eecbeecb6e.txt"
    raw = seed.read_text(encoding="utf-8")
    doc = read_document(seed)
    assert len(doc.text) == len(raw)  # offsets stay exact
    assert "无障碍阅读" not in doc.text and "网站首页" not in doc.text
    assert "突出“八大工程” 提升法治政府建设成效" in doc.text
    gangu = read_document(seed.with_name("004_845bf433358f1249.txt"))
    assert "甘公网安备" not in gangu.text


def test_web_chrome_in_traditional_script_is_blanked_like_simplified_chrome():
    # a traditional-script page has the same navigation (當前位置, 無障礙閱讀): its place names
    # (福州市 above the trail) are chrome, not the report's text
    from kg.ingest.chrome import blank_chrome

    raw = (
        "當前位置:首頁 > 政務公開 > 通知公告\n12348湖北法網 信息平臺入口 無障礙閱讀 微信\n"
        "2022年，我市堅持依法行政。\n"
    )
    blanked = blank_chrome(raw)
    assert len(blanked) == len(raw)
    assert "當前位置" not in blanked and "湖北法網" not in blanked
    assert "2022年，我市堅持依法行政。" in blanked
    simplified = "当前位置:首页 > 政务公开 > 通知公告\n12348湖北法网 信息平台入口 无障碍阅读 微信\n"
    assert blank_chrome(simplified).strip() == ""
