"""Forwards (Weiterleitungen): a need routed to a department of the city or an outside body
(Stelle), answered through a secret link; the Lotsenfunktion's half of the bedarfe app."""
