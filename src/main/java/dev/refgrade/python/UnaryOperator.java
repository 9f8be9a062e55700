package dev.refgrade.python;

public enum UnaryOperator {
    NEG("-"), POS("+"), INVERT("~"), NOT("not");

    public final String symbol;

    UnaryOperator(String symbol) {
        this.symbol = symbol;
    }
}
