"""Views of the public site (seiten, termine, feed, mitmachen) and of the staff's news
editing (mitarbeit)."""
