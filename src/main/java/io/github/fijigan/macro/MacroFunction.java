package io.github.fijigan.macro;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import ij.macro.MacroExtension;

/**
 * One {@code Ext.} function: its name, its parameters, and what it does with the macro's
 * arguments. Parameters are named in a short signature, {@code #} marking a number:
 * {@code "model, outputFolder, #count, className, #seed"}.
 */
record MacroFunction(String name, List<String> parameters, int[] argTypes, Body body) {

    /** The function's work, on its arguments as text; answers with a status string. */
    @FunctionalInterface
    interface Body {
        String call(Arguments args);
    }

    /** The macro's arguments as text: numbers written as whole numbers when they are. */
    record Arguments(Object[] values) {

        String text(int i) {
            Object v = i < values.length ? values[i] : null;
            if (v instanceof Double d) {
                return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue()) : String.format(Locale.ROOT, "%s", d);
            }
            return v == null ? "" : v.toString();
        }
    }

    static MacroFunction of(String name, String signature, Body body) {
        List<String> parameters = Arrays.stream(signature.split(",")).map(String::strip).toList();
        int[] types = parameters.stream()
                .mapToInt(p -> p.startsWith("#") ? MacroExtension.ARG_NUMBER : MacroExtension.ARG_STRING).toArray();
        return new MacroFunction(name, parameters.stream().map(p -> p.replace("#", "")).toList(), types, body);
    }

    /** @return how a macro calls it, e.g. {@code Ext.generate(model, outputFolder, count, className, seed)} */
    String usage() {
        return "Ext." + name + "(" + String.join(", ", parameters) + ")";
    }
}
