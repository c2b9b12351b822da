package kz.region715.dsr.breach;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * The operator's person responsible for organising the processing of personal data: a member of staff, not a data
 * subject. The notice to the authority must give their contacts.
 */
@Embeddable
class ResponsiblePerson {

    @Column(name = "responsible_name")
    private String name;
    @Column(name = "responsible_position")
    private String position;
    @Column(name = "responsible_email")
    private String email;
    @Column(name = "responsible_phone")
    private String phone;

    protected ResponsiblePerson() {
    }

    ResponsiblePerson(String name, String position, String email, String phone) {
        this.name = name;
        this.position = position;
        this.email = email;
        this.phone = phone;
    }

    String name() {
        return name;
    }

    String position() {
        return position;
    }

    String email() {
        return email;
    }

    String phone() {
        return phone;
    }
}
