// C++ whose Itanium names exercise the demangler: templates, lambdas, local statics, local
// classes, operators, special members, thunks, ABI tags, anonymous namespaces and
// expression-dependent signatures. No headers, so any clang can compile it for any target.
// DifferentialTests compiles it with `clang++ -c -std=c++20` and compares with llvm-cxxfilt.

typedef decltype(sizeof 0) size_t;
typedef decltype(nullptr) nullptr_t;

namespace outer { namespace inner {
template <class T, int N> struct Array { T items[N]; T &operator[](size_t i) { return items[i]; } };
template <class... Ts> struct Pack {};
struct Base { virtual ~Base(); virtual int value() const; };
struct Left : virtual Base { int value() const override; };
struct Right : virtual Base { virtual int other(); };
struct Both : Left, Right { int value() const override; int other() override; };
inline namespace __v1 { struct [[gnu::abi_tag("tagged")]] Tagged { Tagged(); int get() const; }; }
} }

using namespace outer::inner;

Base::~Base() {}
int Base::value() const { return 0; }
int Left::value() const { return 1; }
int Right::other() { return 2; }
int Both::value() const { return 3; }
int Both::other() { return 4; }
Tagged::Tagged() {}
int Tagged::get() const { return 5; }

namespace {
int hidden(int x) { return x + 1; }
struct Local { int f(); };
int Local::f() { return 6; }
}

template <class T> T identity(T value) { return value; }
template <class T> auto twice(T value) -> decltype(value + value) { return value + value; }
template <class T> auto size_of(const T &) -> decltype(sizeof(T)) { return sizeof(T); }
template <class T, class U> auto pick(T t, U u) -> decltype(true ? t : u) { return t; }
template <int N> int plus_one(int (&)[N + 1]) { return N; }
template <class... Ts> int count(Ts...) { return sizeof...(Ts); }
template <class T> int &counter() { static int calls = 0; return ++calls; }
template <auto V> int constant() { return (int)V; }
template <class T> struct Holder { template <class U> static U convert(T); operator T() const; };
template <class T> template <class U> U Holder<T>::convert(T t) { return (U)t; }
template <class T> Holder<T>::operator T() const { return T(); }

struct Ops {
    int operator()(int) const; Ops &operator=(const Ops &); bool operator==(const Ops &) const;
    int operator<=>(const Ops &) const; Ops operator+(const Ops &) const; Ops &operator<<(int);
    int operator[](long) const; void *operator new(size_t); void operator delete(void *);
    operator bool() const; Ops *operator->(); Ops &operator++(); Ops operator++(int);
};
int Ops::operator()(int x) const { return x; }
Ops &Ops::operator=(const Ops &) { return *this; }
bool Ops::operator==(const Ops &) const { return true; }
int Ops::operator<=>(const Ops &) const { return 0; }
Ops Ops::operator+(const Ops &) const { return *this; }
Ops &Ops::operator<<(int) { return *this; }
int Ops::operator[](long) const { return 0; }
void *Ops::operator new(size_t) { static char buffer[64]; return buffer; }
void Ops::operator delete(void *) {}
Ops::operator bool() const { return true; }
Ops *Ops::operator->() { return this; }
Ops &Ops::operator++() { return *this; }
Ops Ops::operator++(int) { return *this; }

thread_local int per_thread = 7;
int touch_thread_local() { return per_thread; }

int use_everything() {
    int total = 0;
    auto add = [&](int x) { return total += x; };
    auto generic = [](auto a, auto b) { return a + b; };
    auto nested = [] { return [] (char c) { static int seen; return c + seen++; }('a'); };
    struct InFunction { static int twice(int x) { return 2 * x; } };
    static const char *text = "string literal";
    add(identity(1)); add(identity<long>(2)); add(twice(3)); add((int)twice(4.0));
    add((int)size_of(text)); add(pick(1, 2L)); add(count()); add(count(1, 'c', 2.0, nullptr));
    int arr[3] = {}; add(plus_one<2>(arr)); add(counter<int>()); add(counter<Array<char, 4>>());
    add(constant<5>()); add(constant<'x'>()); add(constant<true>()); add(constant<(short)-3>());
    add(Holder<int>::convert<char>(1)); add(Holder<float *>::convert<long>(nullptr));
    add(int(Holder<int>())); add(generic(1, 2)); add((int)generic(1.5, 'a')); add(nested());
    add(InFunction::twice(4)); add(hidden(1)); add(Local().f()); add(text[0]);
    Array<Pack<>, 2> packs{}; packs[0]; add(sizeof packs);
    Ops ops; add(ops(1)); add(ops == ops); add(ops[2]); add((bool)ops);
    return total;
}

template <class T> struct Outer { template <class U> struct Inner { static void (*fn(T, U))(int); }; };
template <class T> template <class U> void (*Outer<T>::Inner<U>::fn(T, U))(int) { return nullptr; }
template struct Outer<int>::Inner<double>;
template unsigned __int128 identity<unsigned __int128>(unsigned __int128);
template nullptr_t identity<nullptr_t>(nullptr_t);
template char8_t identity<char8_t>(char8_t);
template int (Ops::*identity<int (Ops::*)(int) const>(int (Ops::*)(int) const))(int) const;
template const volatile int *const *identity(const volatile int *const *);
template void (*identity(void (*)(int, ...) noexcept))(int, ...) noexcept;
template int (&identity<int (&)[3]>(int (&)[3]))[3];
template Pack<int, Pack<char>, Array<int, 2>> identity(Pack<int, Pack<char>, Array<int, 2>>);
