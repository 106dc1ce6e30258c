"""OneQueryChoiceFilter: a list's model select offers the same choices as django-filter's own
(empty and null choice first), reads them in one plain query without a server-side cursor,
and filters the same way."""

from unittest import mock

import django_filters
import pytest
from django.db import connection

from bedarfe.models import Bedarf
from quartiere.models import Handlungsfeld
from quartiersmanagement.list_filters import OneQueryChoiceFilter
from tests import factories

pytestmark = pytest.mark.django_db


class _Filter(django_filters.FilterSet):
    handlungsfeld = OneQueryChoiceFilter(
        queryset=Handlungsfeld.objects.order_by("name"), null_label="ohne"
    )

    class Meta:
        model = Bedarf
        fields = []


class _Vorbild(django_filters.FilterSet):
    handlungsfeld = django_filters.ModelChoiceFilter(
        queryset=Handlungsfeld.objects.order_by("name"), null_label="ohne"
    )

    class Meta:
        model = Bedarf
        fields = []


def _auswahl(filterset) -> list[tuple[str, str]]:
    return [(str(wert), str(text)) for wert, text in filterset.form["handlungsfeld"].field.choices]


def test_gleiche_auswahl_in_einer_abfrage_ohne_cursor(django_assert_num_queries):
    factories.HandlungsfeldFactory(name="Wohnen")
    factories.HandlungsfeldFactory(name="Bildung")
    erwartet = _auswahl(_Vorbild())
    with (
        mock.patch.object(connection, "chunked_cursor", side_effect=AssertionError),
        django_assert_num_queries(1),
    ):
        auswahl = _auswahl(_Filter())
    assert auswahl == erwartet
    assert auswahl[:2] == [("", "---------"), ("null", "ohne")]
    assert {"Bildung", "Wohnen"} <= {text for _, text in auswahl}


def test_filtert_wie_djangos_filter():
    wohnen = factories.HandlungsfeldFactory(name="Wohnen")
    bedarf = factories.BedarfFactory(handlungsfeld=wohnen)
    factories.BedarfFactory(handlungsfeld=factories.HandlungsfeldFactory(name="Bildung"))
    assert list(_Filter({"handlungsfeld": wohnen.pk}).qs) == [bedarf]
