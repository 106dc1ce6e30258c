"""The Atom feed of a quartier's news."""

from functools import partial

from django.contrib.auth.decorators import login_not_required
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from quartiersmanagement import shared_cache

from .. import selectors
from .shared import public_page

ANZAHL_IM_FEED = 20


class BeitragFeed(Feed):
    """Atom feed of a quartier's published news."""

    feed_type = Atom1Feed

    def get_object(self, request, slug):
        return selectors.oeffentliches_quartier(slug)

    def title(self, obj):
        return _("Neuigkeiten aus %(quartier)s") % {"quartier": obj.name}

    def link(self, obj):
        return reverse("oeffentlichkeit:quartier", kwargs={"slug": obj.slug})

    def subtitle(self, obj):
        return _("Beiträge des Quartiersmanagements %(quartier)s") % {"quartier": obj.name}

    def items(self, obj):
        return shared_cache.cached(
            "oeffentliche_beitraege_atom",
            partial(feed_beitraege, obj.pk),
            params=(obj.pk,),
            quartier_ids=[obj.pk],
            models=FEED_MODELS,
        )

    def item_title(self, item):
        return item.titel

    def item_description(self, item):
        return item.teaser

    def item_pubdate(self, item):
        return item.erstellt.replace(
            year=item.veroeffentlicht_am.year,
            month=item.veroeffentlicht_am.month,
            day=item.veroeffentlicht_am.day,
        )

    def item_updateddate(self, item):
        return item.geaendert


#: The models whose records the feed reads: writes of other models keep it cached
#: (tests/quartiersmanagement/test_shared_cache_models.py compares them with its tables).
FEED_MODELS = ("oeffentlichkeit.beitrag",)


def feed_beitraege(quartier_id: int) -> list:
    """The news of the Atom feed (the same for every reader; the feed is rendered per request
    because its links carry the request's address)."""
    return list(selectors.beitraege(quartier_id).select_related("quartier")[:ANZAHL_IM_FEED])


_feed = BeitragFeed()


@login_not_required
@require_safe
@public_page
def feed(request, slug):
    return _feed(request, slug=slug)
