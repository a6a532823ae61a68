void stubbed(int);
void plain_missing(void);
void helper_for_stub(void) {}
void _start(void) { stubbed(1); plain_missing(); }
