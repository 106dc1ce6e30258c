"""PDF documents (minutes, decision letters, reports) rendered by WeasyPrint.

Templates extend `pdf/basis.html` (letters `pdf/brief.html`); the print stylesheet
`static/css/pdf.css` (A4, page numbers, municipal header; wide tables on landscape pages, rows
never split, header rows repeated) is passed in directly. Every PDF is tagged as PDF/UA-1 with
its title (`<title>`) and language (`<html lang="de">`): screen readers read the Aushang and the
public reports in order, and one way for all PDFs keeps the letters and minutes accessible too.
WeasyPrint may load nothing else but `data:` URIs: no request to the running server and none
to addresses a user could have typed into a text.
"""

from pathlib import Path

from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.template.loader import render_to_string
from weasyprint import CSS, HTML
from weasyprint.urls import URLFetcher


def _stylesheet() -> CSS:
    return CSS(string=Path(finders.find("css/pdf.css")).read_text(encoding="utf-8"))


def pdf_bytes(template: str, context: dict, request=None) -> bytes:
    html = render_to_string(template, context, request=request)
    return HTML(string=html, url_fetcher=URLFetcher(allowed_protocols=("data",))).write_pdf(
        stylesheets=[_stylesheet()], pdf_variant="pdf/ua-1"
    )


def pdf_response(template: str, context: dict, *, filename: str, request=None) -> HttpResponse:
    response = HttpResponse(pdf_bytes(template, context, request), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}.pdf"'
    return response
