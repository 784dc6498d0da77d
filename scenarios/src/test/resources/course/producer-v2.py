# Mensajero's re-creation of the course's producer-v2.py (written from its description, not its
# code): a persistent task, PAYROLL_RUN_ID, on the durable queue "task_queue". Like the course's, it
# says persistent with pika.DeliveryMode, which pika 1.3 added (pika-shim adds it to pika 1.2).
# It connects as the course's scripts do: localhost, pika's default port, guest/guest. Another
# port comes from outside: PYTHONPATH=pika-shim AMQP_PORT=5673 (see pika-shim/sitecustomize.py).
import pika

connection = pika.BlockingConnection(
    pika.ConnectionParameters(host='localhost'))
channel = connection.channel()

channel.queue_declare(queue='task_queue', durable=True)

message = 'PAYROLL_RUN_ID'
channel.basic_publish(
    exchange='',
    routing_key='task_queue',
    body=message,
    properties=pika.BasicProperties(delivery_mode=pika.DeliveryMode.Persistent))
print(f"Event sent: {message}")

connection.close()
