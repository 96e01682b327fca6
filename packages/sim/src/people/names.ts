import { dutchPool } from "./names-dutch";

/** Name pools per background. Voorbeeldstad is fictional; these are common names, not real people. */
export type Background = "dutch" | "turkish" | "moroccan" | "polish" | "syrian" | "english";

export type NamePool = {
  female: readonly string[];
  male: readonly string[];
  /** Family names; a Dutch name may carry a prefix ("van der", "de"). */
  family: ReadonlyArray<{ prefix: string | null; name: string }>;
};

const pools: Record<Background, NamePool> = {
  dutch: dutchPool,
  turkish: {
    female: [
      "Ayşe",
      "Fatma",
      "Elif",
      "Zeynep",
      "Emine",
      "Hatice",
      "Merve",
      "Büşra",
      "Esra",
      "Derya",
      "Gül",
      "Selin",
    ],
    male: [
      "Mehmet",
      "Mustafa",
      "Ahmet",
      "Ali",
      "Hüseyin",
      "Hasan",
      "İbrahim",
      "Murat",
      "Emre",
      "Burak",
      "Kemal",
      "Osman",
    ],
    family: [
      "Yılmaz",
      "Kaya",
      "Demir",
      "Şahin",
      "Çelik",
      "Yıldız",
      "Aydın",
      "Öztürk",
      "Arslan",
      "Doğan",
      "Kılıç",
      "Aslan",
      "Koç",
      "Kurt",
      "Özdemir",
      "Erdoğan",
    ].map((name) => ({ prefix: null, name })),
  },
  moroccan: {
    female: [
      "Fatima",
      "Khadija",
      "Naima",
      "Samira",
      "Malika",
      "Hanane",
      "Imane",
      "Nadia",
      "Soumaya",
      "Yasmina",
      "Loubna",
    ],
    male: [
      "Mohamed",
      "Ahmed",
      "Youssef",
      "Said",
      "Mustapha",
      "Abdelkader",
      "Karim",
      "Rachid",
      "Hamid",
      "Bilal",
      "Anouar",
    ],
    family: [
      "El Amrani",
      "Benali",
      "El Idrissi",
      "Bouzid",
      "Ouali",
      "Amrani",
      "El Khatib",
      "Haddouchi",
      "Aziz",
      "Boukhari",
      "Tahiri",
      "Ziani",
      "El Ouazzani",
      "Bakkali",
    ].map((name) => ({ prefix: null, name })),
  },
  polish: {
    female: [
      "Anna",
      "Katarzyna",
      "Magdalena",
      "Agnieszka",
      "Joanna",
      "Małgorzata",
      "Monika",
      "Ewa",
      "Aleksandra",
      "Natalia",
    ],
    male: [
      "Piotr",
      "Krzysztof",
      "Tomasz",
      "Paweł",
      "Marcin",
      "Michał",
      "Łukasz",
      "Jakub",
      "Grzegorz",
      "Kamil",
      "Adam",
    ],
    family: [
      "Nowak",
      "Kowalski",
      "Wiśniewski",
      "Wójcik",
      "Kowalczyk",
      "Kamiński",
      "Lewandowski",
      "Zieliński",
      "Szymański",
      "Woźniak",
      "Dąbrowski",
      "Kozłowski",
      "Mazur",
      "Krawczyk",
    ].map((name) => ({ prefix: null, name })),
  },
  syrian: {
    female: ["Rasha", "Lina", "Hiba", "Nour", "Rania", "Dima", "Reem", "Yara", "Amal", "Ghada"],
    male: [
      "Omar",
      "Khaled",
      "Ahmad",
      "Mahmoud",
      "Yousef",
      "Ammar",
      "Bashar",
      "Fadi",
      "Hussam",
      "Tarek",
      "Samer",
    ],
    family: [
      "Al-Hassan",
      "Al-Ahmad",
      "Haddad",
      "Khalil",
      "Al-Khatib",
      "Darwish",
      "Hamdan",
      "Al-Shami",
      "Mansour",
      "Sabbagh",
      "Kassab",
      "Al-Masri",
    ].map((name) => ({ prefix: null, name })),
  },
  english: {
    female: ["Emily", "Sarah", "Jessica", "Hannah", "Olivia", "Rachel", "Laura", "Priya", "Maria", "Chloe"],
    male: ["James", "David", "Michael", "Daniel", "Thomas", "Andrew", "Raj", "Carlos", "Matthew", "Luca"],
    family: [
      "Smith",
      "Brown",
      "Taylor",
      "Wilson",
      "Evans",
      "Walker",
      "Patel",
      "Garcia",
      "Rossi",
      "O'Brien",
      "Murphy",
      "Clarke",
    ].map((name) => ({ prefix: null, name })),
  },
};

export function namePool(background: Background): NamePool {
  return pools[background];
}

/** Share of each background among residents of Voorbeeldstad (by name, not by nationality). */
export const backgroundWeights: Record<Background, number> = {
  dutch: 82,
  turkish: 4.5,
  moroccan: 4.5,
  polish: 3.5,
  syrian: 2.5,
  english: 3,
};

/** Residents whose first language is not Dutch write in it some of the time. */
export const homeLanguageShare: Record<
  Background,
  { language: "nld" | "eng" | "pol" | "tur" | "ara"; share: number }
> = {
  dutch: { language: "nld", share: 1 },
  turkish: { language: "tur", share: 0.35 },
  moroccan: { language: "ara", share: 0.2 },
  polish: { language: "pol", share: 0.6 },
  syrian: { language: "ara", share: 0.7 },
  english: { language: "eng", share: 0.75 },
};
