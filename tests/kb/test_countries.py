"""States in the shipped KB: where they are on the map."""

from __future__ import annotations

from kroniek.kb import load_kb


def test_a_state_has_its_capitals_coordinates() -> None:
    # So an event "in Syrië" has a point on the map and in the exports.
    kb = load_kb()
    for state, capital in (("syr", "damascus"), ("ukr", "kyiv"), ("usa", "washington")):
        actor, city = kb.get(state), kb.get(capital)
        assert actor is not None and city is not None, (state, capital)
        assert actor.coords is not None and actor.coords == city.coords
