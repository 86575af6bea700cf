package org.clinicbooking.clinical.prescription;

import org.clinicbooking.kit.outbox.DomainEvent;
import org.clinicbooking.kit.security.Actor;

/** The events of the prescription aggregate. Their data is the {@link PrescriptionResponse}. */
final class PrescriptionEvents {

    static final String ISSUED = "clinic.prescription.issued";

    private PrescriptionEvents() {}

    static DomainEvent issued(Prescription prescription, Actor actor) {
        return new DomainEvent(
                ISSUED, "prescription", prescription.id().toString(), PrescriptionResponse.of(prescription), actor);
    }
}
