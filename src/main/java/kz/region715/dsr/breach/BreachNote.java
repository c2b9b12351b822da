package kz.region715.dsr.breach;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An officer's internal note on a breach. */
@Entity
@Table(name = "breach_note")
class BreachNote {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "written_at")
    private Instant writtenAt;
    private String author;
    private String text;

    protected BreachNote() {
    }

    BreachNote(String text, String author, Instant at) {
        this.text = text;
        this.author = author;
        this.writtenAt = at;
    }

    Long id() {
        return id;
    }

    Instant writtenAt() {
        return writtenAt;
    }

    String author() {
        return author;
    }

    String text() {
        return text;
    }
}
