package io.github.fijigan.core.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV: fields with a comma, quote or line break are quoted, quotes doubled. Shared by the
 * metric tables of this package and its sub-packages.
 *
 * <pre>{@code
 * String header = Csv.line(List.of("arm", "accuracy"));        // "arm,accuracy\n"
 * List<List<String>> records = Csv.parse(Files.readString(csv));
 * }</pre>
 */
public final class Csv {

    private Csv() {}

    /** @return one line, ending with "\n" */
    public static String line(List<String> fields) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            String f = fields.get(i);
            if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
                sb.append('"').append(f.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(f);
            }
        }
        return sb.append('\n').toString();
    }

    /**
     * @return the records of a CSV text; a final line break is optional, "\r\n" is accepted
     * @throws IllegalArgumentException for a quote left open
     */
    public static List<List<String>> parse(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
                continue;
            }
            if (ch == '"') {
                quoted = true;
                any = true;
            } else if (ch == ',') {
                record.add(field.toString());
                field.setLength(0);
                any = true;
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(field.toString());
                records.add(record);
                record = new ArrayList<>();
                field.setLength(0);
                any = false;
            } else {
                field.append(ch);
                any = true;
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("a quoted field is not closed before the end of the text");
        }
        if (any) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }
}
