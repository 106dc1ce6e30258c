"""Django's model permissions count in the admin only (`permissions.AdminModelBackend`): the
app's rights are the rules predicates, and a "no" from a rule costs no permission queries."""

from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests import factories


def _gruppe_mit_recht(benutzer, codename: str) -> None:
    gruppe = Group.objects.create(name=f"Admin-Recht {codename}")
    gruppe.permissions.add(Permission.objects.get(codename=codename))
    benutzer.groups.add(gruppe)


def test_modellrecht_oeffnet_keine_seite_die_die_regel_schliesst(client, lesend):
    _gruppe_mit_recht(lesend, "add_bedarf")
    client.force_login(lesend)
    assert client.get(reverse("bedarfe:anlegen")).status_code == 403
    liste = client.get(reverse("bedarfe:liste")).content.decode()
    assert f'href="{reverse("bedarfe:anlegen")}"' not in liste


def test_modellrecht_gilt_fuer_admin_konten(db):
    admin = factories.BenutzerFactory(is_staff=True)
    _gruppe_mit_recht(admin, "change_quartier")
    assert admin.has_perm("quartiere.change_quartier")
    assert admin.has_module_perms("quartiere")


def test_ein_nein_der_regel_fragt_keine_rechtetabellen(client, leitung):
    """The Leitung's list asks whether it may create a need (it may not): no query of the
    permission tables, which only the admin fills."""
    client.force_login(leitung)
    with CaptureQueriesContext(connection) as abfragen:
        antwort = client.get(reverse("bedarfe:liste"))
    assert antwort.status_code == 200
    assert not antwort.context["darf_anlegen"]
    assert not [a for a in abfragen.captured_queries if "auth_permission" in a["sql"]]
