"""Schemathesis hooks for newsgraph's API document (loaded through SCHEMATHESIS_HOOKS).

The document marks Cypher text as `format: cypher`: a string the read-only guard plans and runs, so not
every string is one. This teaches schemathesis what a valid value of that format looks like: read
queries over the seed graph, so that schema-valid requests are ones the server must accept.
"""

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
