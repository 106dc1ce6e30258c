"""The Stadtteilfonds: a quartier's yearly budget for small projects of its residents, the
applications to it, their decision, payouts, proof of use and settlement, and the fund's journal.

A sub-domain of the `projekte` app (app label `projekte`, so tables keep their names).
"""
