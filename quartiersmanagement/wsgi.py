"""WSGI entry point for gunicorn (`make serve`).

Each worker loads Django, the apps and the URLconf (every view, form and template tag module)
here and then moves these objects out of the garbage collector's reach (`gc.freeze`): they live
as long as the process, yet every full collection traversed them all, about 230,000 objects,
90 ms for one request in a dozen (docs/performance.md). Objects of requests are collected as
before."""

import gc
import os
from importlib import import_module

from django.conf import settings
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "quartiersmanagement.settings")

application = get_wsgi_application()
import_module(settings.ROOT_URLCONF)
gc.collect()
gc.freeze()
