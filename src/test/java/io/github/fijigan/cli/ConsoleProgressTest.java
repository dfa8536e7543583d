package io.github.fijigan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class ConsoleProgressTest {

    private static final long S = TimeUnit.SECONDS.toNanos(1);

    private long now;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void plainLinesAtPhaseStartEveryIntervalAndEndWithTheTimeLeftFromThePhasesRate() {
        ConsoleProgress bar = new ConsoleProgress(stream, false, () -> now, 20 * S);
        bar.message("Loading model.zip");
        now = 1 * S;
        bar.progress(0, 60, "Epoch 1");             // a new phase: printed, nothing counted yet
        for (int i = 1; i <= 60; i++) {
            now = (1 + 2L * i) * S;                  // 2 s an iteration
            bar.progress(i, 60, "Epoch " + (i / 10 + 1));
        }
        bar.finish();
        assertEquals("""
                Loading model.zip
                [--------------------]   0%  0/60  --:-- left  Epoch 1
                [###-----------------]  16%  10/60  1:40 left  Epoch 2
                [######--------------]  33%  20/60  1:20 left  Epoch 3
                [##########----------]  50%  30/60  1:00 left  Epoch 4
                [#############-------]  66%  40/60  0:40 left  Epoch 5
                [################----]  83%  50/60  0:20 left  Epoch 6
                [####################] 100%  60/60  done in 2:00  Epoch 7
                """, text());
    }

    @Test
    void onATerminalOneLineIsRedrawnAndEndedWhenTheNextPhaseStarts() {
        ConsoleProgress bar = new ConsoleProgress(stream, true, () -> now, 10 * S);
        bar.progress(0, 2, "Reading a.png");
        now = 1 * S;
        bar.progress(1, 2, "Reading b.png");
        now = 2 * S;
        bar.progress(2, 2, "Done");
        now = 3 * S;
        bar.progress(0, 4, "Epoch 1, iteration 1/4 with a long status text");
        now = 5 * S;
        bar.progress(1, 4, "Epoch 1");
        bar.finish();
        String first = "[--------------------]   0%  0/2  --:-- left  Reading a.png";
        String second = "[##########----------]  50%  1/2  0:01 left  Reading b.png";
        String third = "[####################] 100%  2/2  done in 0:02  Done";
        String fourth = "[--------------------]   0%  0/4  --:-- left  Epoch 1, iteration 1/4 with a long status text";
        String fifth = "[#####---------------]  25%  1/4  0:06 left  Epoch 1";
        assertEquals("\r" + first + "\r" + second + " ".repeat(first.length() - second.length()) + "\r" + third + " ".repeat(second.length() - third.length()) + "\n"
                + "\r" + fourth + "\r" + fifth + " ".repeat(fourth.length() - fifth.length()) + "\n", text());
    }

    @Test
    void durationsReadAsMinutesOrHours() {
        assertEquals("0:00", ConsoleProgress.duration(0));
        assertEquals("0:59", ConsoleProgress.duration(59 * S));
        assertEquals("1:01:00", ConsoleProgress.duration(3660 * S));
        assertEquals("59:59", ConsoleProgress.duration(3599 * S));
    }
}
