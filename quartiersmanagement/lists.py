"""One base for every list page: a django-filter FilterSet, 50 rows per page, sortable columns,
and (with `ExportMixin`) CSV/XLSX of exactly the filtered rows.

Every list reads the same query parameters: `q` (search), `sortierung`, `seite` (page) and
`format` (export). Bookmarks with the names used before (`o`, `page`, `suche`) are redirected
to the same list under the new names.

A list view names its FilterSet, template and the permission that offers the "create" button:

    class BedarfListe(ExportMixin, FilteredListView):
        filterset_class = BedarfFilter
        template_name = "bedarfe/bedarf_list.html"
        create_permission = "bedarfe.add_bedarf"

        def get_queryset(self):
            return selectors.bedarfe_fuer(self.request.user)

The FilterSet reads the user from `self.request` (django-filter passes the request). Speed
comes from the query: `page_queryset` narrows the filtered rows to what a row shows (`only`,
`select_related`, `prefetch_related(..., to_attr=...)`), and the paginator counts once per page,
up to `COUNT_LIMIT` rows: the Leitung's unfiltered lists hold a whole city (200,000 needs or
events), and an exact count read all of them on every page (20-40 ms). Beyond the limit a list
says "more than 2,000" and offers its first 40 pages; a filter, a search word or the other
sort direction finds the rest, and the export holds every row. A later page picks its rows by
id in a subquery, from the nearer end of a counted list, and a list whose matches fit on one page
reads them without LIMIT; with up to `FEW_MATCHES` the page reads them by id
(`CappedPaginator.page`).
"""

from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpResponseRedirect, QueryDict
from django.utils import timezone
from django.utils.functional import cached_property
from django_filters.views import FilterView

from quartiersmanagement.exports import export_response

PER_PAGE = 50
#: The paginator counts the filtered rows up to this number, and a list offers this many rows
#: (40 pages): a list is for finding and working through, the reports count. Counting up to
#: 10,000 read every match of a department's 9,000 needs on each page (4,000 table pages, 10-12
#: ms of SQL, over 100 ms under load), and page 180 of a common search word walked 52,000 needs
#: in date order to skip 9,000 hits (45 ms of SQL); page 40 skips 1,950.
COUNT_LIMIT = 2_000
#: Up to this many matches a page reads its rows by their ids (`CappedPaginator.page`).
FEW_MATCHES = 1_000
EXPORT_FORMATS = ("csv", "xlsx")
#: Query parameters of older bookmarks and the names that replaced them.
OLD_PARAMETERS = {"o": "sortierung", "page": "seite", "suche": "q"}


def renamed_query(query):
    """A copy of `query` (a QueryDict) with the old parameter names replaced in place (the
    order of the parameters kept), or None when it holds none of them. A new name already
    present wins over its old one."""
    if not any(alt in query for alt in OLD_PARAMETERS):
        return None
    neu = QueryDict(mutable=True)
    for name, werte in query.lists():
        if name in OLD_PARAMETERS:
            name = OLD_PARAMETERS[name]
            if name in query:
                continue
        neu.setlist(name, werte)
    return neu


class CappedPaginator(Paginator):
    """Django's paginator counting at most COUNT_LIMIT rows (in no particular order, the ids
    only); `capped` says that there are more and that the pages end at the limit. `counted` is
    a count the view made already, up to COUNT_LIMIT + 1 (a search's hits,
    `bedarfe.filters.BedarfFilter.treffer`), so the rows are not counted twice."""

    def __init__(self, object_list, per_page, *, counted=None, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self._counted_before = counted

    @cached_property
    def _counted(self) -> int:
        if self._counted_before is not None:
            return self._counted_before
        if not isinstance(self.object_list, QuerySet):
            return len(self.object_list)
        return self.object_list.order_by().values("pk")[: COUNT_LIMIT + 1].count()

    @cached_property
    def count(self) -> int:
        return min(self._counted, COUNT_LIMIT)

    @property
    def capped(self) -> bool:
        return self._counted > COUNT_LIMIT

    def page(self, number):
        """Django's page, its rows picked so that PostgreSQL walks as little of the list's
        order as it can:
        - when all matches fit on one page, the page is the whole filtered list, without a
          LIMIT: asked for the first rows in list order, PostgreSQL walked the index in that
          order and checked each row against the filter, expecting matches all along it; for
          the two needs forwarded to one department and not feasible, that walk went over
          150,000 needs (114 ms of SQL). Without a LIMIT it finds them through the filter's own
          indexes and sorts them;
        - up to FEW_MATCHES matches, the page reads the ids of all matches in the list's order
          (without LIMIT, so PostgreSQL finds them through the filter's indexes and sorts
          them) and then its own rows by their ids: with a LIMIT, PostgreSQL misjudged how
          rare a combination of filters is (deferred needs with an overdue forward: 5,700
          expected, 90 found) and walked 99,000 needs in date order for the first page (70 ms
          of SQL; by ids 2 ms). Passing all ids to the page's query instead let PostgreSQL
          join every match before sorting (a quartier's 650 open forwards: 5 ms, not 0.5).
          With more matches the walk ends soon at the page's last row;
        - with more matches, every later page picks its rows by id in a subquery ("deferred
          join"): skipping rows (OFFSET) fetched each skipped row from the table, one table
          page per row (page 150 of a city's needs: 50 ms of SQL), and computed each skipped
          row's columns (page 19 of the Leitung's funds, whose rows sum their applications in
          three subqueries: 42 ms of SQL, 2 ms by ids); the subquery skips ids only, which an
          index covering the filter and the order (`bedarf_gemeldet_neueste`) serves alone.
          A page nearer the end of a counted list skips from the end, in reverse order
          (`_ids`): page 156 of 185 of one department's needs skipped 7,750 rows (44 ms of
          SQL), now 1,414 (7 ms).
        The rows keep the list's order either way: the outer query sorts them."""
        seite = super().page(number)
        if not isinstance(self.object_list, QuerySet):
            return seite
        if 0 < self.count <= self.per_page and not self.capped:
            seite.object_list = self.object_list
        elif 0 < self.count <= FEW_MATCHES and not self.capped:
            ids = list(self.object_list.values_list("pk", flat=True))
            seite.object_list = self.object_list.filter(
                pk__in=ids[seite.start_index() - 1 : seite.end_index()]
            )
        elif seite.number > 1:
            seite.object_list = self.object_list.filter(pk__in=self._ids(seite))
        return seite

    def _ids(self, seite):
        """The ids of a later page, skipped from the nearer end of the list; a capped list's
        end is unknown (and an unordered one has none), so those skip from the start."""
        danach = self.count - seite.end_index()
        if self.capped or not self.object_list.ordered or danach >= seite.start_index() - 1:
            return seite.object_list.values("pk")
        anzahl = seite.end_index() - seite.start_index() + 1
        return self.object_list.reverse()[danach : danach + anzahl].values("pk")


class FilteredListView(FilterView):
    """A filtered, sorted and paginated list; see the module's docstring."""

    paginate_by = PER_PAGE
    paginator_class = CappedPaginator
    page_kwarg = "seite"
    #: Invalid filter values are shown at their field and otherwise ignored (not an empty list).
    strict = False
    #: The permission ("app.add_model") that offers the "create" button; None for no button.
    create_permission = None

    def get(self, request, *args, **kwargs):
        neu = renamed_query(request.GET)
        if neu is not None:
            return HttpResponseRedirect(f"{request.path}?{neu.urlencode()}")
        return super().get(request, *args, **kwargs)

    def get_filterset_kwargs(self, filterset_class):
        """Always bound (an empty query too), so a FilterSet's own rules (e.g. merged needs
        left out) hold on the unfiltered list as well."""
        return {**super().get_filterset_kwargs(filterset_class), "data": self.request.GET}

    def page_queryset(self, queryset):
        """The filtered rows narrowed to what a row of the page shows (override per list)."""
        return queryset

    def paginate_queryset(self, queryset, page_size):
        """Django's paginator, lenient like `get_page`: a page number out of range shows the
        last page, a word the first (a bookmark never ends in a 404)."""
        paginator = self.get_paginator(queryset, page_size)
        seite = paginator.get_page(self.request.GET.get(self.page_kwarg))
        return paginator, seite, seite.object_list, seite.has_other_pages()

    def get_context_data(self, **kwargs):
        kwargs["object_list"] = self.page_queryset(kwargs.get("object_list", self.object_list))
        kontext = super().get_context_data(**kwargs)
        kontext["sortierung"] = self.request.GET.get("sortierung", "")
        kontext["darf_anlegen"] = bool(
            self.create_permission and self.request.user.has_perm(self.create_permission)
        )
        return kontext


class ExportMixin:
    """`?format=csv|xlsx` answers with exactly the filtered rows (all pages) as a file,
    streamed from the database in chunks (quartiersmanagement.exports)."""

    #: The file name without date and extension, e.g. "bedarfe".
    export_filename = ""

    def export_columns(self):
        """The columns (exports.Column) of the file."""
        raise NotImplementedError

    def export_queryset(self, queryset):
        """The filtered rows with what the columns read (override per list)."""
        return queryset

    def get(self, request, *args, **kwargs):
        format_ = request.GET.get("format")
        if format_ not in EXPORT_FORMATS or renamed_query(request.GET) is not None:
            return super().get(request, *args, **kwargs)
        self.filterset = self.get_filterset(self.get_filterset_class())
        return export_response(
            format_,
            filename=f"{self.export_filename}-{timezone.localdate():%Y-%m-%d}",
            columns=self.export_columns(),
            rows=self.export_queryset(self.filterset.qs).iterator(chunk_size=2000),
        )
