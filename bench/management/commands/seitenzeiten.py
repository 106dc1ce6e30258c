"""`manage.py seitenzeiten`: where a page's server time goes, without load.

`make bench` says which pages are slow under real use; this command says why: for each URL,
requested as one account through Django's test client (no network, no other users), the
median of its total time, of its SQL (every statement, timed at the database driver), and of
its template rendering (the outermost render of each response), with the number of queries.
What is left over is the view's own Python (selectors, forms, building data).
"""

import contextlib
import statistics
import time

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.template.backends import django as django_backend
from django.test import Client

from quartiersmanagement import two_factor


@contextlib.contextmanager
def _vorlagenzeit(gemessen: list[float]):
    """Adds the time of every outermost template render to `gemessen` (includes and crispy's
    field templates render inside it and are not counted twice)."""
    original = django_backend.Template.render
    tiefe = 0

    def render(self, *args, **kwargs):
        nonlocal tiefe
        tiefe += 1
        start = time.perf_counter()
        try:
            return original(self, *args, **kwargs)
        finally:
            tiefe -= 1
            if tiefe == 0:
                gemessen.append(time.perf_counter() - start)

    django_backend.Template.render = render
    try:
        yield
    finally:
        django_backend.Template.render = original


class Command(BaseCommand):
    help = (
        "Misst einzelne Seiten ohne Last: Gesamtzeit, SQL, Vorlagen und Zahl der Abfragen "
        "(Median über --wiederholungen Aufrufe) für ein Konto."
    )

    def add_arguments(self, parser):
        parser.add_argument("urls", nargs="+", metavar="URL", help="z. B. /bedarfe/")
        parser.add_argument("--konto", required=True, help="Benutzername, z. B. last-qm-1")
        parser.add_argument("--wiederholungen", type=int, default=10)

    def handle(self, *args, **optionen):
        try:
            konto = get_user_model().objects.get(username=optionen["konto"])
        except get_user_model().DoesNotExist:
            raise CommandError(f"Kein Konto {optionen['konto']!r}.") from None
        client = Client(HTTP_HOST="127.0.0.1")
        client.force_login(konto)
        sitzung = client.session
        sitzung[two_factor.SESSION_KEY] = None  # measured as after a passed second factor
        sitzung.save()
        self.stdout.write(
            f"{'URL':<60} {'Status':>6} {'gesamt':>8} {'SQL':>7} {'Vorlagen':>9} {'Abfr.':>6}"
        )
        for url in optionen["urls"]:
            zeilen = [self._messen(client, url) for _ in range(optionen["wiederholungen"] + 2)]
            zeilen = zeilen[2:]  # the first calls fill Django's and PostgreSQL's caches
            status = zeilen[-1][0]
            gesamt, sql, vorlagen = (
                statistics.median(z[i] for z in zeilen) * 1000 for i in (1, 2, 3)
            )
            self.stdout.write(
                f"{url[:60]:<60} {status:>6} {gesamt:>6.1f}ms {sql:>5.1f}ms {vorlagen:>7.1f}ms "
                f"{zeilen[-1][4]:>6}"
            )

    def _messen(self, client, url):
        sql: list[float] = []
        vorlagen: list[float] = []

        def stoppen(execute, *args):
            start = time.perf_counter()
            try:
                return execute(*args)
            finally:
                sql.append(time.perf_counter() - start)

        with connection.execute_wrapper(stoppen), _vorlagenzeit(vorlagen):
            start = time.perf_counter()
            antwort = client.get(url, secure=True)  # production settings redirect to HTTPS
            gesamt = time.perf_counter() - start
        return antwort.status_code, gesamt, sum(sql), sum(vorlagen), len(sql)
