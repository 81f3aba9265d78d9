"""The training register: co-production courses, sign-up with a waiting list, attendance and
each person's training record (issue 12; Birmingham seed: "no clear picture of what training
exists for staff, young people and parents"; West Sussex seed: training of representatives).

A shared app because forums and initiatives both offer its courses (an opportunity to get
involved can be a course)."""
