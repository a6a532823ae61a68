int cfoo(int);
namespace ns { struct S { static void method(double); }; }
extern "C" int _start() { ns::S::method(2.0); return cfoo(1); }
