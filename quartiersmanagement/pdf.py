"""PDF documents (minutes, decision letters, reports) rendered by WeasyPrint.

Templates extend `pdf/basis.html`; the print stylesheet `static/css/pdf.css` (A4, page numbers,
municipal header) is passed in directly. WeasyPrint may load nothing else but `data:` URIs:
no request to the running server and none to addresses a user could have typed into a text.
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
        stylesheets=[_stylesheet()]
    )


def pdf_response(template: str, context: dict, *, filename: str, request=None) -> HttpResponse:
    response = HttpResponse(pdf_bytes(template, context, request), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}.pdf"'
    return response
