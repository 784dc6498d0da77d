# Mensajero's re-creation of the course's ejercicio-bloque-a/producer.py (written from its
# description, not its code): a "staged" operation on the queue "hello", 3 stages of 3 messages
# "Etapa N - Mensaje M", that SIGINT or SIGTERM stops between messages.
# It connects as the course's scripts do: localhost, pika's default port, guest/guest. Another
# port comes from outside: PYTHONPATH=pika-shim AMQP_PORT=5673 (see pika-shim/sitecustomize.py).
import signal
import time

import pika


class StagedProducer:
    def __init__(self):
        self.running = True
        signal.signal(signal.SIGINT, self.stop)
        signal.signal(signal.SIGTERM, self.stop)

    def stop(self, signum, frame):
        print("Deteniendo el envío de mensajes...")
        self.running = False

    def run(self):
        connection = pika.BlockingConnection(
            pika.ConnectionParameters(host='localhost'))
        try:
            channel = connection.channel()
            channel.queue_declare(queue='hello')
            for stage in range(1, 4):
                if not self.running:
                    break
                print(f"Iniciando etapa {stage}")
                for message in range(1, 4):
                    if not self.running:
                        break
                    channel.basic_publish(exchange='', routing_key='hello',
                                          body=f"Etapa {stage} - Mensaje {message}")
                    time.sleep(1)
                if self.running:
                    print(f"Etapa {stage} completada")
                    time.sleep(2)
        finally:
            connection.close()


if __name__ == '__main__':
    StagedProducer().run()
