import type { Language } from "../types";

/** Messages in the languages some residents write in. Short and plain: how people write to an office abroad. */
type Phrasebook = {
  topics: Record<string, string>;
  hello: readonly string[];
  ask: readonly string[];
  again: readonly string[];
  angry: readonly string[];
  notSolved: readonly string[];
  reference: string;
  bye: readonly string[];
};

const english: Phrasebook = {
  topics: {
    afval: "waste collection",
    "openbare-ruimte": "the street outside my house",
    parkeren: "my parking permit",
    reisdocumenten: "my passport",
    rijbewijs: "my driving licence",
    verhuizing: "registering my new address",
    "burgerzaken-akten": "a birth certificate",
    belastingen: "the municipal tax bill",
    kwijtschelding: "tax remission",
    betalingsregeling: "paying in instalments",
    inkomen: "income support",
    schulden: "my debts",
    werk: "finding work",
    "zorg-wmo": "care at home",
    jeugd: "help for my child",
    wonen: "housing",
    vergunningen: "a building permit",
    ondernemen: "starting a business",
    overlast: "noise from the neighbours",
    onderwijs: "school transport",
    klacht: "a complaint",
    overig: "a letter I received",
  },
  hello: ["Hello,", "Dear Sir or Madam,", "Hi,"],
  ask: [
    "I have a question about {topic}.",
    "Could you please help me with {topic}?",
    "I need some information about {topic}.",
  ],
  again: [
    "I already contacted you about this but have not received an answer.",
    "This is my second message about this.",
  ],
  angry: [
    "I have called three times and nobody helps me.",
    "Nobody answers my messages. This is really frustrating.",
  ],
  notSolved: ["The problem with {topic} is still not solved."],
  reference: "My reference number is {ref}.",
  bye: ["Kind regards,", "Thank you,", "Best,"],
};

const polish: Phrasebook = {
  topics: {
    afval: "wywozu śmieci",
    "openbare-ruimte": "ulicy przed moim domem",
    parkeren: "pozwolenia na parkowanie",
    reisdocumenten: "paszportu",
    rijbewijs: "prawa jazdy",
    verhuizing: "zmiany adresu",
    "burgerzaken-akten": "aktu urodzenia",
    belastingen: "podatku gminnego",
    kwijtschelding: "umorzenia podatku",
    betalingsregeling: "płatności w ratach",
    inkomen: "zasiłku",
    schulden: "moich długów",
    werk: "szukania pracy",
    "zorg-wmo": "opieki w domu",
    jeugd: "pomocy dla mojego dziecka",
    wonen: "mieszkania",
    vergunningen: "pozwolenia na budowę",
    ondernemen: "założenia firmy",
    overlast: "hałasu sąsiadów",
    onderwijs: "transportu do szkoły",
    klacht: "skargi",
    overig: "listu, który dostałem",
  },
  hello: ["Dzień dobry,", "Szanowni Państwo,"],
  ask: [
    "Mam pytanie dotyczące {topic}.",
    "Proszę o pomoc w sprawie {topic}.",
    "Potrzebuję informacji na temat {topic}.",
  ],
  again: [
    "Już pisałem w tej sprawie, ale nie dostałem odpowiedzi.",
    "To moja druga wiadomość w tej sprawie.",
  ],
  angry: ["Dzwoniłem już trzy razy i nikt mi nie pomaga.", "Nikt nie odpowiada na moje wiadomości."],
  notSolved: ["Sprawa {topic} nadal nie jest załatwiona."],
  reference: "Mój numer sprawy to {ref}.",
  bye: ["Pozdrawiam,", "Z poważaniem,"],
};

const turkish: Phrasebook = {
  topics: {
    afval: "çöp toplama",
    "openbare-ruimte": "evimin önündeki sokak",
    parkeren: "park izni",
    reisdocumenten: "pasaport",
    rijbewijs: "ehliyet",
    verhuizing: "adres değişikliği",
    "burgerzaken-akten": "doğum belgesi",
    belastingen: "belediye vergisi",
    kwijtschelding: "vergi affı",
    betalingsregeling: "taksitle ödeme",
    inkomen: "sosyal yardım",
    schulden: "borçlarım",
    werk: "iş bulma",
    "zorg-wmo": "evde bakım",
    jeugd: "çocuğum için yardım",
    wonen: "konut",
    vergunningen: "yapı izni",
    ondernemen: "iş kurma",
    overlast: "komşu gürültüsü",
    onderwijs: "okul taşıması",
    klacht: "şikayet",
    overig: "aldığım bir mektup",
  },
  hello: ["Merhaba,", "Sayın yetkili,"],
  ask: [
    "{topic} hakkında bir sorum var.",
    "{topic} konusunda yardım edebilir misiniz?",
    "{topic} hakkında bilgi almak istiyorum.",
  ],
  again: ["Bu konuda daha önce yazdım ama cevap alamadım.", "Bu konudaki ikinci mesajım."],
  angry: ["Üç kere aradım ve kimse yardım etmiyor.", "Kimse mesajlarıma cevap vermiyor."],
  notSolved: ["{topic} sorunu hâlâ çözülmedi."],
  reference: "Dosya numaram {ref}.",
  bye: ["Saygılarımla,", "Teşekkürler,"],
};

const arabic: Phrasebook = {
  topics: {
    afval: "جمع النفايات",
    "openbare-ruimte": "الشارع أمام بيتي",
    parkeren: "تصريح الوقوف",
    reisdocumenten: "جواز السفر",
    rijbewijs: "رخصة القيادة",
    verhuizing: "تغيير العنوان",
    "burgerzaken-akten": "شهادة الميلاد",
    belastingen: "ضريبة البلدية",
    kwijtschelding: "الإعفاء من الضريبة",
    betalingsregeling: "الدفع بالتقسيط",
    inkomen: "المساعدة الاجتماعية",
    schulden: "ديوني",
    werk: "البحث عن عمل",
    "zorg-wmo": "الرعاية في البيت",
    jeugd: "مساعدة لطفلي",
    wonen: "السكن",
    vergunningen: "رخصة البناء",
    ondernemen: "بدء مشروع",
    overlast: "إزعاج الجيران",
    onderwijs: "النقل المدرسي",
    klacht: "شكوى",
    overig: "رسالة وصلتني",
  },
  hello: ["مرحبا،", "السلام عليكم،"],
  ask: ["لدي سؤال عن {topic}.", "هل يمكنكم مساعدتي بخصوص {topic}؟", "أحتاج إلى معلومات عن {topic}."],
  again: ["تواصلت معكم من قبل ولم أحصل على رد.", "هذه رسالتي الثانية بخصوص هذا الموضوع."],
  angry: ["اتصلت ثلاث مرات ولا أحد يساعدني.", "لا أحد يرد على رسائلي."],
  notSolved: ["مشكلة {topic} لم تحل بعد."],
  reference: "رقم ملفي {ref}.",
  bye: ["مع الشكر،", "مع التحية،"],
};

export const phrasebooks: Record<Exclude<Language, "nld">, Phrasebook> = {
  eng: english,
  pol: polish,
  tur: turkish,
  ara: arabic,
};
