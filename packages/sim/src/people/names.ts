/** Name pools per background. Voorbeeldstad is fictional; these are common names, not real people. */
export type Background = "dutch" | "turkish" | "moroccan" | "polish" | "syrian" | "english";

export type NamePool = {
  female: readonly string[];
  male: readonly string[];
  /** Family names; a Dutch name may carry a prefix ("van der", "de"). */
  family: ReadonlyArray<{ prefix: string | null; name: string }>;
};

const dutchFamily: NamePool["family"] = [
  { prefix: null, name: "Jansen" },
  { prefix: "de", name: "Vries" },
  { prefix: "van den", name: "Berg" },
  { prefix: "van", name: "Dijk" },
  { prefix: null, name: "Bakker" },
  { prefix: null, name: "Janssen" },
  { prefix: null, name: "Visser" },
  { prefix: null, name: "Smit" },
  { prefix: null, name: "Meijer" },
  { prefix: "de", name: "Boer" },
  { prefix: null, name: "Mulder" },
  { prefix: "de", name: "Groot" },
  { prefix: null, name: "Bos" },
  { prefix: null, name: "Vos" },
  { prefix: null, name: "Peters" },
  { prefix: null, name: "Hendriks" },
  { prefix: "van", name: "Leeuwen" },
  { prefix: null, name: "Dekker" },
  { prefix: null, name: "Brouwer" },
  { prefix: "de", name: "Wit" },
  { prefix: null, name: "Dijkstra" },
  { prefix: null, name: "Smits" },
  { prefix: "de", name: "Graaf" },
  { prefix: "van der", name: "Meer" },
  { prefix: "van der", name: "Linden" },
  { prefix: null, name: "Kok" },
  { prefix: null, name: "Jacobs" },
  { prefix: "de", name: "Haan" },
  { prefix: null, name: "Vermeulen" },
  { prefix: "van den", name: "Heuvel" },
  { prefix: "van der", name: "Veen" },
  { prefix: "van den", name: "Broek" },
  { prefix: "de", name: "Bruijn" },
  { prefix: "de", name: "Jong" },
  { prefix: null, name: "Schouten" },
  { prefix: "van", name: "Beek" },
  { prefix: null, name: "Willems" },
  { prefix: "van", name: "Vliet" },
  { prefix: null, name: "Hoekstra" },
  { prefix: null, name: "Maas" },
  { prefix: null, name: "Verhoeven" },
  { prefix: null, name: "Koster" },
  { prefix: "van", name: "Wijk" },
  { prefix: null, name: "Prins" },
  { prefix: null, name: "Postma" },
  { prefix: null, name: "Kuipers" },
  { prefix: "van der", name: "Heijden" },
  { prefix: "in 't", name: "Veld" },
  { prefix: "ter", name: "Horst" },
  { prefix: "van 't", name: "Hof" },
];

const pools: Record<Background, NamePool> = {
  dutch: {
    female: [
      "Anna", "Emma", "Sophie", "Julia", "Lotte", "Sanne", "Lisa", "Fleur", "Eva", "Anouk", "Maria", "Johanna",
      "Cornelia", "Wilhelmina", "Geertruida", "Ingrid", "Marieke", "Ellen", "Petra", "Monique", "Esther", "Linda",
      "Sandra", "Karin", "Annemarie", "Ria", "Truus", "Joke", "Femke", "Noor", "Tess", "Saskia", "Yvonne", "Hanneke",
    ],
    male: [
      "Jan", "Pieter", "Kees", "Henk", "Gerrit", "Willem", "Johannes", "Cornelis", "Hendrik", "Dirk", "Bart", "Sander",
      "Ruud", "Erik", "Mark", "Jeroen", "Martijn", "Thijs", "Daan", "Lars", "Bram", "Sem", "Ruben", "Joost", "Wouter",
      "Frank", "Hans", "Rob", "Theo", "Piet", "Arjen", "Niels", "Koen", "Stijn",
    ],
    family: dutchFamily,
  },
  turkish: {
    female: ["Ayşe", "Fatma", "Elif", "Zeynep", "Emine", "Hatice", "Merve", "Büşra", "Esra", "Derya", "Gül", "Selin"],
    male: ["Mehmet", "Mustafa", "Ahmet", "Ali", "Hüseyin", "Hasan", "İbrahim", "Murat", "Emre", "Burak", "Kemal", "Osman"],
    family: [
      "Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Aydın", "Öztürk", "Arslan", "Doğan", "Kılıç", "Aslan",
      "Koç", "Kurt", "Özdemir", "Erdoğan",
    ].map((name) => ({ prefix: null, name })),
  },
  moroccan: {
    female: ["Fatima", "Khadija", "Naima", "Samira", "Malika", "Hanane", "Imane", "Nadia", "Soumaya", "Yasmina", "Loubna"],
    male: ["Mohamed", "Ahmed", "Youssef", "Said", "Mustapha", "Abdelkader", "Karim", "Rachid", "Hamid", "Bilal", "Anouar"],
    family: [
      "El Amrani", "Benali", "El Idrissi", "Bouzid", "Ouali", "Amrani", "El Khatib", "Haddouchi", "Aziz", "Boukhari",
      "Tahiri", "Ziani", "El Ouazzani", "Bakkali",
    ].map((name) => ({ prefix: null, name })),
  },
  polish: {
    female: ["Anna", "Katarzyna", "Magdalena", "Agnieszka", "Joanna", "Małgorzata", "Monika", "Ewa", "Aleksandra", "Natalia"],
    male: ["Piotr", "Krzysztof", "Tomasz", "Paweł", "Marcin", "Michał", "Łukasz", "Jakub", "Grzegorz", "Kamil", "Adam"],
    family: [
      "Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kowalczyk", "Kamiński", "Lewandowski", "Zieliński", "Szymański",
      "Woźniak", "Dąbrowski", "Kozłowski", "Mazur", "Krawczyk",
    ].map((name) => ({ prefix: null, name })),
  },
  syrian: {
    female: ["Rasha", "Lina", "Hiba", "Nour", "Rania", "Dima", "Reem", "Yara", "Amal", "Ghada"],
    male: ["Omar", "Khaled", "Ahmad", "Mahmoud", "Yousef", "Ammar", "Bashar", "Fadi", "Hussam", "Tarek", "Samer"],
    family: [
      "Al-Hassan", "Al-Ahmad", "Haddad", "Khalil", "Al-Khatib", "Darwish", "Hamdan", "Al-Shami", "Mansour", "Sabbagh",
      "Kassab", "Al-Masri",
    ].map((name) => ({ prefix: null, name })),
  },
  english: {
    female: ["Emily", "Sarah", "Jessica", "Hannah", "Olivia", "Rachel", "Laura", "Priya", "Maria", "Chloe"],
    male: ["James", "David", "Michael", "Daniel", "Thomas", "Andrew", "Raj", "Carlos", "Matthew", "Luca"],
    family: [
      "Smith", "Brown", "Taylor", "Wilson", "Evans", "Walker", "Patel", "Garcia", "Rossi", "O'Brien", "Murphy", "Clarke",
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
export const homeLanguageShare: Record<Background, { language: "nld" | "eng" | "pol" | "tur" | "ara"; share: number }> =
  {
    dutch: { language: "nld", share: 1 },
    turkish: { language: "tur", share: 0.35 },
    moroccan: { language: "ara", share: 0.2 },
    polish: { language: "pol", share: 0.6 },
    syrian: { language: "ara", share: 0.7 },
    english: { language: "eng", share: 0.75 },
  };
