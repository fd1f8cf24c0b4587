"""Schemathesis hooks for newsgraph's API document (loaded through SCHEMATHESIS_HOOKS).

The document marks Cypher text as `format: cypher`: a string the read-only guard plans and runs, so not
every string is one. This teaches schemathesis what a valid value of that format looks like: read
queries over the seed graph, so that schema-valid requests are ones the server must accept.
"""

import datetime

from hypothesis import strategies as st

import schemathesis

LIMIT = st.integers(min_value=0, max_value=50)
WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 _-", max_size=40)

READ_QUERIES = st.one_of(
    st.integers(min_value=-(2**53), max_value=2**53).map(lambda n: f"RETURN {n} AS n"),
    WORD.map(lambda w: f"RETURN '{w}' AS text"),
    LIMIT.map(lambda k: f"MATCH (p:Person) RETURN p.name AS name ORDER BY name LIMIT {k}"),
    LIMIT.map(lambda k: f"MATCH (a:Entity)-[r]-(b:Entity) RETURN a, r, b LIMIT {k}"),
    LIMIT.map(lambda k: f"MATCH p = (:Person)-[*1..2]-(:Entity) RETURN p LIMIT {k}"),
    WORD.map(lambda w: f"MATCH (e:Entity) WHERE e.name CONTAINS '{w}' RETURN e.id AS id LIMIT 10"),
)

schemathesis.openapi.format("cypher", READ_QUERIES)


# A time range's ends (from/to; since/until where from/to name a path's ends) are each a date or a
# datetime, which the document says; that the first is not after the second, JSON Schema cannot say.
# Schema-valid requests are made ones the server must accept by putting a drawn pair in order, just before
# the call (schemathesis then judges the request as sent).
RANGE_PAIRS = (("from", "to"), ("since", "until"))


def _instant(value, side):
    """The instant a range bound stands for (a day: its first or last moment, in UTC), or None if not a date."""
    if not isinstance(value, str):
        return None
    try:
        if len(value) == 10:
            day = datetime.date.fromisoformat(value)
            at = datetime.time.min if side == "from" else datetime.time.max
            return datetime.datetime.combine(day, at, tzinfo=datetime.timezone.utc)
        parsed = datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
        return parsed if parsed.tzinfo else None
    except ValueError:
        return None


def _ordered(values):
    if not isinstance(values, dict):
        return values
    for first, last in RANGE_PAIRS:
        start, end = _instant(values.get(first), "from"), _instant(values.get(last), "to")
        if start is not None and end is not None and start > end:
            values[first], values[last] = values[last], values[first]
    return values


@schemathesis.hook
def before_call(context, case, kwargs):
    # Before every call, in every phase: the coverage phase draws its values without the generation hooks.
    _ordered(case.query)
    _ordered(case.body)
