"""Quantity rules (CM9xx): a figure's bounds leave room for it, and figures compared are
in one unit."""

from __future__ import annotations

from claimmodel.validation._context import Context

__all__ = ["check"]


def check(ctx: Context) -> None:
    """Apply every quantity rule."""
    units: dict[str, dict[str | None, None]] = {}  # measure -> the units it is stated in
    for index, claim in enumerate(ctx.bundle.claims):
        quantity = claim.quantity
        if quantity is None:
            continue
        base = f"$.claims[{index}].quantity"
        lower, upper = quantity.lower, quantity.upper
        if (
            lower is not None
            and upper is not None
            and (
                lower > upper
                or (lower == upper and (quantity.lower_exclusive or quantity.upper_exclusive))
            )
        ):
            ctx.emit(
                "CM901",
                f"{base}.lower",
                f"the bounds of the figure of claim {claim.id!r} leave no number between them "
                f"({quantity}); swap them, or correct the one mistyped",
            )
        elif quantity.value is not None:
            value = quantity.value
            if lower is not None and (
                value < lower or (value == lower and quantity.lower_exclusive)
            ):
                side = "lower"
            elif upper is not None and (
                value > upper or (value == upper and quantity.upper_exclusive)
            ):
                side = "upper"
            else:
                side = ""
            if side:
                ctx.emit(
                    "CM902",
                    f"{base}.value",
                    f"the value of the figure of claim {claim.id!r} is outside its {side} bound "
                    f"({quantity}); correct the value or the bound",
                )
        if quantity.measure is not None:
            units.setdefault(quantity.measure, {})[quantity.unit] = None
    if not ctx.wants("CM903"):
        return
    for index, claim in enumerate(ctx.bundle.claims):
        quantity = claim.quantity
        if quantity is None or quantity.measure is None or len(units[quantity.measure]) < 2:
            continue
        stated = ", ".join(
            "no unit" if unit is None else repr(unit)
            for unit in sorted(units[quantity.measure], key=lambda u: (u is not None, u or ""))
        )
        ctx.emit(
            "CM903",
            f"$.claims[{index}].quantity.unit",
            f"figures of the measure {quantity.measure!r} are stated in different units "
            f"({stated}), so they cannot be compared; state them in one unit",
        )
