"""Project-wide views."""

from django.views.generic import TemplateView


class ImAufbau(TemplateView):
    """Placeholder page of an area whose issue has not landed yet, so navigation never 404s."""

    template_name = "im_aufbau.html"
    bereich = ""

    def get_context_data(self, **kwargs):
        return super().get_context_data(bereich=self.bereich, **kwargs)
