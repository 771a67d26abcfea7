"""Every rule's documented example is true: the bad one fails, the good one passes.

``healthlint explain`` prints these examples as the rule's documentation, so this keeps the
documentation honest.
"""

from __future__ import annotations

import pytest

from healthlint.explain import run_example
from healthlint.packs import RuleSpec, load_rules

RULES = sorted(load_rules(["default"]).rules.values(), key=lambda rule: rule.id)
WITH_EXAMPLES = [rule for rule in RULES if rule.example is not None]


@pytest.mark.parametrize("rule", RULES, ids=[rule.id for rule in RULES])
def test_every_checking_rule_has_an_example(rule: RuleSpec) -> None:
    if rule.kind == "engine":
        pytest.skip("engine rules report on files, not on article text")
    assert rule.example is not None, f"{rule.id} {rule.name} has no example"


@pytest.mark.parametrize("rule", WITH_EXAMPLES, ids=[rule.id for rule in WITH_EXAMPLES])
def test_the_bad_example_is_reported(rule: RuleSpec) -> None:
    found = run_example(rule, "bad")
    assert found, f"{rule.id}: the bad example gives no finding"
    assert all(f.rule == rule.id for f in found)


@pytest.mark.parametrize("rule", WITH_EXAMPLES, ids=[rule.id for rule in WITH_EXAMPLES])
def test_the_good_example_is_clean(rule: RuleSpec) -> None:
    found = run_example(rule, "good")
    assert found == [], f"{rule.id}: the good example gives {[f.message for f in found]}"
