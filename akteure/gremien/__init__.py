"""Committees (Gremien) of a quartier: members, meetings, agenda, attendance, votes, minutes
and action items. A sub-domain of the akteure app (app label `akteure`)."""
