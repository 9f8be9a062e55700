package dev.refgrade.python;

/** What a {@link Token} is. Keywords and operators get their own kinds so the parser can switch on them. */
public enum TokenKind {
    NAME, INT, FLOAT, IMAGINARY, STRING,
    NEWLINE, INDENT, DEDENT, END,
    /** Stands where the tokenizer found an error; the error itself is already recorded. */
    ERROR,
    /** A character CPython's tokenizer passes on as an operator although no rule accepts it: $ ? ! ` */
    UNKNOWN,

    FALSE("False"), NONE("None"), TRUE("True"), AND("and"), AS("as"), ASSERT("assert"), ASYNC("async"),
    AWAIT("await"), BREAK("break"), CLASS("class"), CONTINUE("continue"), DEF("def"), DEL("del"),
    ELIF("elif"), ELSE("else"), EXCEPT("except"), FINALLY("finally"), FOR("for"), FROM("from"),
    GLOBAL("global"), IF("if"), IMPORT("import"), IN("in"), IS("is"), LAMBDA("lambda"),
    NONLOCAL("nonlocal"), NOT("not"), OR("or"), PASS("pass"), RAISE("raise"), RETURN("return"),
    TRY("try"), WHILE("while"), WITH("with"), YIELD("yield"),

    LPAR("("), RPAR(")"), LSQB("["), RSQB("]"), LBRACE("{"), RBRACE("}"),
    COLON(":"), COMMA(","), SEMI(";"), DOT("."), ELLIPSIS("..."), RARROW("->"), COLONEQUAL(":="),
    PLUS("+"), MINUS("-"), STAR("*"), SLASH("/"), DOUBLESLASH("//"), PERCENT("%"), AT("@"),
    DOUBLESTAR("**"), VBAR("|"), AMPER("&"), CIRCUMFLEX("^"), TILDE("~"), LEFTSHIFT("<<"), RIGHTSHIFT(">>"),
    LESS("<"), GREATER(">"), EQEQUAL("=="), NOTEQUAL("!="), LESSEQUAL("<="), GREATEREQUAL(">="),
    /** Python 2's inequality: CPython still tokenizes it, then rejects it. */
    LESSGREATER("<>"),
    EQUAL("="), PLUSEQUAL("+="), MINEQUAL("-="), STAREQUAL("*="), SLASHEQUAL("/="), DOUBLESLASHEQUAL("//="),
    PERCENTEQUAL("%="), ATEQUAL("@="), DOUBLESTAREQUAL("**="), VBAREQUAL("|="), AMPEREQUAL("&="),
    CIRCUMFLEXEQUAL("^="), LEFTSHIFTEQUAL("<<="), RIGHTSHIFTEQUAL(">>=");

    /** The fixed spelling of a keyword or operator; null for kinds whose text varies. */
    public final String text;

    TokenKind() {
        this(null);
    }

    TokenKind(String text) {
        this.text = text;
    }

    /** The keyword spelled {@code word}, or null when it is an ordinary name (soft keywords included). */
    static TokenKind keyword(String word) {
        return switch (word) {
            case "False" -> FALSE;
            case "None" -> NONE;
            case "True" -> TRUE;
            case "and" -> AND;
            case "as" -> AS;
            case "assert" -> ASSERT;
            case "async" -> ASYNC;
            case "await" -> AWAIT;
            case "break" -> BREAK;
            case "class" -> CLASS;
            case "continue" -> CONTINUE;
            case "def" -> DEF;
            case "del" -> DEL;
            case "elif" -> ELIF;
            case "else" -> ELSE;
            case "except" -> EXCEPT;
            case "finally" -> FINALLY;
            case "for" -> FOR;
            case "from" -> FROM;
            case "global" -> GLOBAL;
            case "if" -> IF;
            case "import" -> IMPORT;
            case "in" -> IN;
            case "is" -> IS;
            case "lambda" -> LAMBDA;
            case "nonlocal" -> NONLOCAL;
            case "not" -> NOT;
            case "or" -> OR;
            case "pass" -> PASS;
            case "raise" -> RAISE;
            case "return" -> RETURN;
            case "try" -> TRY;
            case "while" -> WHILE;
            case "with" -> WITH;
            case "yield" -> YIELD;
            default -> null;
        };
    }

    /** The augmented-assignment operator this token spells, or null. */
    BinOperator augmented() {
        return switch (this) {
            case PLUSEQUAL -> BinOperator.ADD;
            case MINEQUAL -> BinOperator.SUB;
            case STAREQUAL -> BinOperator.MUL;
            case SLASHEQUAL -> BinOperator.DIV;
            case DOUBLESLASHEQUAL -> BinOperator.FLOORDIV;
            case PERCENTEQUAL -> BinOperator.MOD;
            case ATEQUAL -> BinOperator.MATMUL;
            case DOUBLESTAREQUAL -> BinOperator.POW;
            case VBAREQUAL -> BinOperator.BITOR;
            case AMPEREQUAL -> BinOperator.BITAND;
            case CIRCUMFLEXEQUAL -> BinOperator.BITXOR;
            case LEFTSHIFTEQUAL -> BinOperator.LSHIFT;
            case RIGHTSHIFTEQUAL -> BinOperator.RSHIFT;
            default -> null;
        };
    }
}
