void member_missing(void);
int wdata = 3;
void member_fn(void) { member_missing(); }
