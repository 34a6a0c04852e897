package chibo.contracts.member;

import java.time.LocalDate;

/** Certificate of the course on awareness of the Party (giấy chứng nhận học lớp bồi dưỡng nhận thức về Đảng). */
public record AwarenessCertificate(String number, LocalDate issuedOn) {
}
