package org.clinicbooking.scheduling.schedule;

import java.util.List;
import java.util.UUID;

public record TimeOffResponse(UUID doctorId, List<TimeOffPeriod> periods) {}
