app_name = "oeffentlichkeit"

# The public pages (/q/…) arrive with the Öffentlichkeitsarbeit issue.
urlpatterns: list = []
