/**
 * Test fixture: a small LPS network with three isolation valves (TCVs, fully open) around the
 * segment J2-J3-J4-J7, fed from reservoir R1 and tank T1.
 *
 *   R1 -P1- J1 -V1- J2 -P2- J3 -P3- J4 -V2- J5 -P4- J6 -P6- T1
 *           |  \            |               |
 *           |   V3 - J7 -P5-+               |
 *           +------------- P7 --------------+
 */
export const SMALL_VALVES_INP = `[TITLE]
Isolation fixture: three valves around a segment

[JUNCTIONS]
;ID  Elev  Demand
 J1  10    2
 J2  10    2
 J3  10    2
 J4  10    2
 J5  10    2
 J6  10    2
 J7  10    2

[RESERVOIRS]
 R1  60

[TANKS]
;ID  Elev  Init  Min  Max  Diam
 T1  55    3     0    8    15

[PIPES]
;ID  N1  N2  Length  Diam  Rough  Minor  Status
 P1  R1  J1  100     300   100    0      Open
 P2  J2  J3  100     200   100    0      Open
 P3  J3  J4  100     200   100    0      Open
 P4  J5  J6  100     200   100    0      Open
 P5  J3  J7  100     200   100    0      Open
 P6  J6  T1  100     200   100    0      Open
 P7  J1  J5  300     200   100    0      Open

[VALVES]
;ID  N1  N2  Diam  Type  Setting  Minor
 V1  J1  J2  200   TCV   0        0
 V2  J4  J5  200   TCV   0        0
 V3  J7  J1  200   TCV   0        0

[OPTIONS]
 Units     LPS
 Headloss  H-W

[TIMES]
 Duration            24:00
 Hydraulic Timestep  1:00
 Report Timestep     1:00

[END]
`;
