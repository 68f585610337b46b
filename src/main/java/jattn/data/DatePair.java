package jattn.data;

import java.time.LocalDate;

/**
 * One example of the date-normalisation task: a human-readable date and its ISO form,
 * e.g. {@code ("monday, january 4, 1999", "1999-01-04")}.
 *
 * @param human the input sequence, lower-case English (one of the formats of {@link DateDataset})
 * @param iso   the target sequence, always 10 characters {@code yyyy-mm-dd}
 */
public record DatePair(String human, String iso) {

    /** The date the pair denotes. */
    public LocalDate date() {
        return LocalDate.parse(iso);
    }
}
